package io.serviceproof.assessment;

import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Locale;

/**
 * The readiness of signed-off assessments over time as a small SVG line chart, drawn on the
 * server: x is the sign-off order (dates labelled), y the score from 0 to 100 %.
 */
public final class TrendSvg {

    private static final int WIDTH = 560;
    private static final int HEIGHT = 200;
    private static final int LEFT = 40;
    private static final int BOTTOM = 30;
    private static final int TOP = 10;
    private static final DateTimeFormatter DAY =
            DateTimeFormatter.ofPattern("yyyy-MM-dd", Locale.ROOT).withZone(ZoneOffset.UTC);

    private TrendSvg() {}

    public static String render(List<Assessment> signedOff) {
        StringBuilder svg = new StringBuilder();
        // Named by the page's heading above it (id trend-title); the list below it gives the same figures as text.
        svg.append("<svg xmlns=\"http://www.w3.org/2000/svg\" role=\"img\" aria-labelledby=\"trend-title\" width=\"")
                .append(WIDTH)
                .append("\" height=\"")
                .append(HEIGHT)
                .append("\" viewBox=\"0 0 ")
                .append(WIDTH)
                .append(' ')
                .append(HEIGHT)
                .append("\" font-family=\"sans-serif\" font-size=\"11\">");
        int plotHeight = HEIGHT - TOP - BOTTOM;
        for (int pct = 0; pct <= 100; pct += 25) {
            int y = TOP + plotHeight - pct * plotHeight / 100;
            svg.append("<line x1=\"")
                    .append(LEFT)
                    .append("\" y1=\"")
                    .append(y)
                    .append("\" x2=\"")
                    .append(WIDTH - 10)
                    .append("\" y2=\"")
                    .append(y)
                    .append("\" stroke=\"#e3e6ea\"/>")
                    .append("<text x=\"4\" y=\"")
                    .append(y + 4)
                    .append("\">")
                    .append(pct)
                    .append(" %</text>");
        }
        int n = signedOff.size();
        int step = n <= 1 ? 0 : (WIDTH - LEFT - 30) / (n - 1);
        StringBuilder points = new StringBuilder();
        for (int i = 0; i < n; i++) {
            Assessment a = signedOff.get(i);
            int x = LEFT + 10 + i * step;
            int y = TOP + plotHeight - (int) Math.round(a.score() * plotHeight / 100);
            points.append(x).append(',').append(y).append(' ');
            svg.append("<circle cx=\"")
                    .append(x)
                    .append("\" cy=\"")
                    .append(y)
                    .append("\" r=\"4\" fill=\"#0d6efd\"><title>")
                    .append(DAY.format(a.signedAt()))
                    .append(": ")
                    .append(a.score())
                    .append(" %</title></circle>")
                    .append("<text x=\"")
                    .append(x - 28)
                    .append("\" y=\"")
                    .append(HEIGHT - 10)
                    .append("\">")
                    .append(DAY.format(a.signedAt()))
                    .append("</text>");
        }
        if (n > 1) {
            svg.append("<polyline fill=\"none\" stroke=\"#0d6efd\" stroke-width=\"2\" points=\"")
                    .append(points.toString().strip())
                    .append("\"/>");
        }
        return svg.append("</svg>").toString();
    }
}
