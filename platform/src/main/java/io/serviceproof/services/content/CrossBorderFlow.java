package io.serviceproof.services.content;

import java.util.List;

/**
 * A flow whose ends are in different countries, and the data-protection laws it engages: the law of
 * the country the data leaves (its transfer rules) and, where different, of the country it enters.
 *
 * @param laws framework labels of the laws engaged, as the catalog names them
 */
public record CrossBorderFlow(
        LayerContent.Flow flow, LayerContent.FlowNode from, LayerContent.FlowNode to, List<EngagedLaw> laws) {

    /** A law, the country whose law it is, and whether that country is one of the offering's markets. */
    public record EngagedLaw(String country, String frameworkId, String label, boolean targetMarket, String why) {}
}
