package io.serviceproof.services.content;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Draws a data-flow diagram as SVG on the server: one column per country (in order of first
 * appearance), nodes stacked in their country's column with their trust zone, and flows as arrows.
 * Flows that cross a border are red, dashed when they carry no personal data. All text is escaped.
 */
public final class DataFlowSvg {

    private static final int COLUMN = 240;
    private static final int ROW = 90;
    private static final int BOX_W = 180;
    private static final int BOX_H = 50;
    private static final int TOP = 50;

    private DataFlowSvg() {}

    public static String render(LayerContent.DataFlow flow) {
        Map<String, List<LayerContent.FlowNode>> byCountry = new LinkedHashMap<>();
        for (LayerContent.FlowNode node : flow.nodes()) {
            byCountry
                    .computeIfAbsent(String.valueOf(node.country()), c -> new ArrayList<>())
                    .add(node);
        }
        Map<String, int[]> position = new HashMap<>();
        int column = 0;
        int rows = 1;
        for (List<LayerContent.FlowNode> nodes : byCountry.values()) {
            for (int row = 0; row < nodes.size(); row++) {
                position.put(nodes.get(row).id(), new int[] {20 + column * COLUMN, TOP + row * ROW});
            }
            rows = Math.max(rows, nodes.size());
            column++;
        }
        int width = Math.max(1, byCountry.size()) * COLUMN + 20;
        int height = TOP + rows * ROW + 20;
        StringBuilder svg = new StringBuilder();
        svg.append("<svg xmlns=\"http://www.w3.org/2000/svg\" role=\"img\" width=\"")
                .append(width)
                .append("\" height=\"")
                .append(height)
                .append("\" viewBox=\"0 0 ")
                .append(width)
                .append(' ')
                .append(height)
                .append("\" font-family=\"sans-serif\" font-size=\"12\">")
                .append(
                        "<defs><marker id=\"arrow\" viewBox=\"0 0 10 10\" refX=\"10\" refY=\"5\" markerWidth=\"8\" markerHeight=\"8\" orient=\"auto\">")
                .append("<path d=\"M0,0 L10,5 L0,10 z\" fill=\"context-stroke\"/></marker></defs>");
        column = 0;
        for (String country : byCountry.keySet()) {
            int x = 10 + column * COLUMN;
            svg.append("<rect x=\"")
                    .append(x)
                    .append("\" y=\"10\" width=\"")
                    .append(COLUMN - 20)
                    .append("\" height=\"")
                    .append(height - 20)
                    .append("\" fill=\"#f5f7fa\" stroke=\"#c9d1db\" rx=\"6\"/>")
                    .append("<text x=\"")
                    .append(x + 10)
                    .append("\" y=\"30\" font-weight=\"bold\">")
                    .append(escape(country))
                    .append("</text>");
            column++;
        }
        Map<String, String> countryOf = new HashMap<>();
        flow.nodes().forEach(n -> countryOf.put(n.id(), String.valueOf(n.country())));
        for (LayerContent.Flow f : flow.flows()) {
            int[] a = position.get(f.from());
            int[] b = position.get(f.to());
            if (a == null || b == null) {
                continue;
            }
            boolean crosses = !countryOf.get(f.from()).equals(countryOf.get(f.to()));
            String colour = crosses ? "#c0392b" : "#34495e";
            int x1 = a[0] + (b[0] >= a[0] ? BOX_W : 0);
            int x2 = b[0] + (b[0] >= a[0] ? 0 : BOX_W);
            if (a[0] == b[0]) {
                x1 = a[0] + BOX_W / 2;
                x2 = b[0] + BOX_W / 2;
            }
            int y1 = a[1] + BOX_H / 2;
            int y2 = b[1] + (a[0] == b[0] ? (b[1] > a[1] ? 0 : BOX_H) : BOX_H / 2);
            svg.append("<line x1=\"")
                    .append(x1)
                    .append("\" y1=\"")
                    .append(y1)
                    .append("\" x2=\"")
                    .append(x2)
                    .append("\" y2=\"")
                    .append(y2)
                    .append("\" stroke=\"")
                    .append(colour)
                    .append("\" stroke-width=\"2\" marker-end=\"url(#arrow)\"")
                    .append(crosses && !f.personalData() ? " stroke-dasharray=\"6 4\"" : "")
                    .append("><title>")
                    .append(escape(
                            String.join(", ", f.dataCategories()) + (f.personalData() ? " (personal data)" : "")))
                    .append("</title></line>");
        }
        for (LayerContent.FlowNode node : flow.nodes()) {
            int[] p = position.get(node.id());
            svg.append("<rect x=\"")
                    .append(p[0])
                    .append("\" y=\"")
                    .append(p[1])
                    .append("\" width=\"")
                    .append(BOX_W)
                    .append("\" height=\"")
                    .append(BOX_H)
                    .append("\" fill=\"#fff\" stroke=\"#34495e\" rx=\"4\"/>")
                    .append("<text x=\"")
                    .append(p[0] + 8)
                    .append("\" y=\"")
                    .append(p[1] + 20)
                    .append("\">")
                    .append(escape(node.label() == null ? node.id() : node.label()))
                    .append("</text>")
                    .append("<text x=\"")
                    .append(p[0] + 8)
                    .append("\" y=\"")
                    .append(p[1] + 38)
                    .append("\" fill=\"#6c757d\" font-size=\"11\">")
                    .append(escape(node.trustZone() == null ? "" : node.trustZone()))
                    .append("</text>");
        }
        return svg.append("</svg>").toString();
    }

    static String escape(String text) {
        return text.replace("&", "&amp;")
                .replace("<", "&lt;")
                .replace(">", "&gt;")
                .replace("\"", "&quot;");
    }
}
