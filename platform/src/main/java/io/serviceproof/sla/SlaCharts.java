package io.serviceproof.sla;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Objects;

/**
 * Each measured SLO of a report as a small SVG bar chart, drawn on the server: one bar per day
 * (red where the day alone misses the objective), the objective as a dashed line. Days without data
 * have no bar.
 */
public final class SlaCharts {

    static final int WIDTH = 620;
    static final int HEIGHT = 160;
    private static final int LEFT = 56;
    private static final int RIGHT = 8;
    private static final int TOP = 8;
    private static final int BOTTOM = 22;

    /** A chart of one SLO. */
    public record Chart(String sloId, String metric, String svg) {}

    private SlaCharts() {}

    public static List<Chart> charts(SlaReport report) {
        List<Chart> charts = new ArrayList<>();
        for (int i = 0; i < report.daily().size(); i++) {
            SlaReport.Series series = report.daily().get(i);
            if (series.values().stream().anyMatch(Objects::nonNull)) {
                SloResult result = report.results().get(i);
                charts.add(new Chart(series.sloId(), result.metric(), svg(series, result.unit(), report.period())));
            }
        }
        return charts;
    }

    /** Whether a day's figure meets the objective. */
    public static boolean met(SlaReport.Series series, double value) {
        int c = Double.compare(value, series.threshold());
        return switch (series.operator()) {
            case "<=" -> c <= 0;
            case "<" -> c < 0;
            case ">=" -> c >= 0;
            default -> c > 0;
        };
    }

    /** The value range shown: the data and the threshold, with a little room. */
    public static double[] range(SlaReport.Series series) {
        double low = series.threshold();
        double high = series.threshold();
        for (Double v : series.values()) {
            if (v != null) {
                low = Math.min(low, v);
                high = Math.max(high, v);
            }
        }
        double pad = Math.max((high - low) * 0.1, Math.abs(high) * 0.001 + 1e-9);
        double bottom = low >= 0 && low - pad < 0 ? 0 : low - pad;
        return new double[] {bottom, high + pad};
    }

    static String svg(SlaReport.Series series, String unit, SlaPeriod period) {
        double[] range = range(series);
        int plotWidth = WIDTH - LEFT - RIGHT;
        int plotHeight = HEIGHT - TOP - BOTTOM;
        int days = Math.max(1, series.values().size());
        double slot = (double) plotWidth / days;
        StringBuilder svg = new StringBuilder();
        svg.append("<svg xmlns=\"http://www.w3.org/2000/svg\" role=\"img\" width=\"")
                .append(WIDTH)
                .append("\" height=\"")
                .append(HEIGHT)
                .append("\" viewBox=\"0 0 ")
                .append(WIDTH)
                .append(' ')
                .append(HEIGHT)
                .append("\" font-family=\"sans-serif\" font-size=\"10\">");
        svg.append("<title>").append(escape(series.sloId())).append("</title>");
        for (double tick : new double[] {range[0], (range[0] + range[1]) / 2, range[1]}) {
            int y = y(tick, range, plotHeight);
            svg.append(String.format(
                    Locale.ROOT,
                    "<line x1=\"%d\" y1=\"%d\" x2=\"%d\" y2=\"%d\" stroke=\"#e3e6ea\"/>"
                            + "<text x=\"2\" y=\"%d\">%s</text>",
                    LEFT,
                    y,
                    WIDTH - RIGHT,
                    y,
                    y + 3,
                    escape(label(tick) + (unit == null ? "" : " " + unit))));
        }
        for (int d = 0; d < series.values().size(); d++) {
            Double v = series.values().get(d);
            if (v == null) {
                continue;
            }
            int top = y(v, range, plotHeight);
            int base = TOP + plotHeight;
            svg.append(String.format(
                    Locale.ROOT,
                    "<rect x=\"%.1f\" y=\"%d\" width=\"%.1f\" height=\"%d\" fill=\"%s\"><title>%s: %s</title></rect>",
                    LEFT + d * slot + slot * 0.15,
                    Math.min(top, base),
                    slot * 0.7,
                    Math.max(1, Math.abs(base - top)),
                    met(series, v) ? "#198754" : "#dc3545",
                    period.firstDay().plusDays(d),
                    escape(label(v))));
        }
        int threshold = y(series.threshold(), range, plotHeight);
        svg.append(String.format(
                Locale.ROOT,
                "<line x1=\"%d\" y1=\"%d\" x2=\"%d\" y2=\"%d\" stroke=\"#212529\" stroke-dasharray=\"4 3\">"
                        + "<title>%s %s</title></line>",
                LEFT,
                threshold,
                WIDTH - RIGHT,
                threshold,
                escape(series.operator()),
                escape(label(series.threshold()))));
        int step = Math.max(1, days / 8);
        for (int d = 0; d < days; d += step) {
            svg.append(String.format(
                    Locale.ROOT,
                    "<text x=\"%.1f\" y=\"%d\">%s</text>",
                    LEFT + d * slot,
                    HEIGHT - 6,
                    period.firstDay().plusDays(d).toString().substring(5)));
        }
        return svg.append("</svg>").toString();
    }

    private static int y(double value, double[] range, int plotHeight) {
        double share = (value - range[0]) / (range[1] - range[0]);
        return TOP + plotHeight - (int) Math.round(Math.max(0, Math.min(1, share)) * plotHeight);
    }

    public static String label(double value) {
        return Math.abs(value) >= 100
                ? String.format(Locale.ROOT, "%.1f", value)
                : String.format(Locale.ROOT, "%.3f", value)
                        .replaceAll("0+$", "")
                        .replaceAll("\\.$", "");
    }

    private static String escape(String text) {
        return text.replace("&", "&amp;")
                .replace("<", "&lt;")
                .replace(">", "&gt;")
                .replace("\"", "&quot;");
    }
}
