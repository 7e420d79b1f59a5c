package io.serviceproof.tender;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The figures a clause asks for: percentages ("99.5 %", "99,5%") and durations ("4 hours", "trong
 * vòng 30 phút", "4小时内", "2 ชั่วโมง"), durations in seconds. Service-level clauses are answered by
 * comparing these with what a published SLO promises, not by their words alone.
 */
final class Quantities {

    record Asked(Kind kind, BigDecimal value, String written) {}

    enum Kind {
        PERCENT,
        SECONDS
    }

    private static final Pattern PERCENT =
            Pattern.compile("(\\d{1,3}(?:[.,]\\d{1,4})?)\\s*(?:%|％|percent|per cent|phần trăm)");
    private static final Pattern DURATION = Pattern.compile(
            "(\\d{1,5}(?:[.,]\\d{1,2})?)\\s*(milliseconds?|ms|seconds?|secs?|s\\b|minutes?|mins?|hours?|hrs?|h\\b|days?"
                    + "|business days?|working days?|giây|phút|giờ|tiếng|ngày|毫秒|秒|分钟|分鐘|小时|小時|天|日"
                    + "|วินาที|นาที|ชั่วโมง|ชม\\.|วัน)",
            Pattern.CASE_INSENSITIVE | Pattern.UNICODE_CASE);

    private Quantities() {}

    static List<Asked> in(String text) {
        String t = java.text.Normalizer.normalize(text, java.text.Normalizer.Form.NFKC);
        List<Asked> asked = new ArrayList<>();
        Matcher p = PERCENT.matcher(t);
        while (p.find()) {
            asked.add(new Asked(Kind.PERCENT, number(p.group(1)), p.group().strip()));
        }
        Matcher d = DURATION.matcher(t);
        while (d.find()) {
            BigDecimal seconds = number(d.group(1)).multiply(BigDecimal.valueOf(unitSeconds(d.group(2))));
            asked.add(new Asked(Kind.SECONDS, seconds, d.group().strip()));
        }
        return asked;
    }

    /** Seconds in one of a unit as SLOs and clauses write it; 0 when it is no unit of time. */
    static double unitSeconds(String unit) {
        String u = unit.toLowerCase(Locale.ROOT).strip();
        if (u.startsWith("millisecond") || u.equals("ms") || u.equals("毫秒")) {
            return 0.001;
        }
        if (u.startsWith("sec") || u.equals("s") || u.equals("giây") || u.equals("秒") || u.equals("วินาที")) {
            return 1;
        }
        if (u.startsWith("min") || u.equals("phút") || u.equals("分钟") || u.equals("分鐘") || u.equals("นาที")) {
            return 60;
        }
        if (u.startsWith("hour")
                || u.startsWith("hr")
                || u.equals("h")
                || u.equals("giờ")
                || u.equals("tiếng")
                || u.equals("小时")
                || u.equals("小時")
                || u.equals("ชั่วโมง")
                || u.equals("ชม.")) {
            return 3600;
        }
        if (u.contains("day") || u.equals("ngày") || u.equals("天") || u.equals("日") || u.equals("วัน")) {
            return 86400;
        }
        return 0;
    }

    /**
     * Whether an SLO keeps what the clause asks: a percentage floor is met by an objective at or above
     * it, a time limit by an objective at or within it. Null when they do not measure alike.
     */
    static Boolean meets(Answerable.Objective objective, Asked asked) {
        if (objective == null || objective.threshold() == null) {
            return null;
        }
        String unit = objective.unit() == null ? "" : objective.unit().strip();
        boolean atLeast = objective.operator().startsWith(">");
        if (asked.kind() == Kind.PERCENT && (unit.equals("%") || unit.equalsIgnoreCase("percent"))) {
            return atLeast && objective.threshold().compareTo(asked.value()) >= 0;
        }
        double perUnit = unitSeconds(unit);
        if (asked.kind() == Kind.SECONDS && perUnit > 0) {
            BigDecimal promised = objective.threshold().multiply(BigDecimal.valueOf(perUnit));
            return !atLeast && promised.compareTo(asked.value()) <= 0;
        }
        return null;
    }

    private static BigDecimal number(String written) {
        return new BigDecimal(written.replace(',', '.'));
    }
}
