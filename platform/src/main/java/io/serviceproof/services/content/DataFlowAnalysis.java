package io.serviceproof.services.content;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * Finds the flows that cross a border and the data-protection laws each engages. A flow of personal
 * data engages the law of the country it leaves (transfer rules such as PIPL Art. 38 or Vietnam's
 * cross-border impact assessment) and the law of the country it enters (processing there); a flow of
 * other data is listed but engages no data-protection law. Laws come from the catalog: frameworks of
 * kind law whose jurisdiction is that country.
 */
public final class DataFlowAnalysis {

    /** A data-protection law in the catalog: the country it governs. */
    public record Law(String country, String frameworkId, String label) {}

    private DataFlowAnalysis() {}

    public static List<CrossBorderFlow> crossBorder(LayerContent.DataFlow flows, List<Law> laws, Set<String> markets) {
        Map<String, LayerContent.FlowNode> nodes = flows.nodes().stream()
                .collect(Collectors.toMap(LayerContent.FlowNode::id, Function.identity(), (a, b) -> a));
        List<CrossBorderFlow> found = new ArrayList<>();
        for (LayerContent.Flow flow : flows.flows()) {
            LayerContent.FlowNode from = nodes.get(flow.from());
            LayerContent.FlowNode to = nodes.get(flow.to());
            if (from == null
                    || to == null
                    || from.country() == null
                    || from.country().equals(to.country())) {
                continue;
            }
            List<CrossBorderFlow.EngagedLaw> engaged = new ArrayList<>();
            if (flow.personalData()) {
                for (Law law : laws) {
                    if (law.country().equals(from.country())) {
                        engaged.add(new CrossBorderFlow.EngagedLaw(
                                law.country(),
                                law.frameworkId(),
                                law.label(),
                                markets.contains(law.country()),
                                "outbound"));
                    } else if (law.country().equals(to.country())) {
                        engaged.add(new CrossBorderFlow.EngagedLaw(
                                law.country(),
                                law.frameworkId(),
                                law.label(),
                                markets.contains(law.country()),
                                "inbound"));
                    }
                }
            }
            found.add(new CrossBorderFlow(flow, from, to, engaged));
        }
        return found;
    }
}
