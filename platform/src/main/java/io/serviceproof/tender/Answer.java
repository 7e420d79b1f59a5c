package io.serviceproof.tender;

import java.util.Locale;
import java.util.Map;

/** How a clause is answered in the matrix, with the words a buyer's sheet expects in each language. */
public enum Answer {
    COMPLY(Map.of("en", "Comply", "zh", "符合", "vi", "Đáp ứng", "th", "ปฏิบัติตาม")),
    PARTIAL(Map.of("en", "Partially comply", "zh", "部分符合", "vi", "Đáp ứng một phần", "th", "ปฏิบัติตามบางส่วน")),
    NOT_COMPLY(Map.of("en", "Not comply", "zh", "不符合", "vi", "Không đáp ứng", "th", "ไม่ปฏิบัติตาม")),
    NOT_APPLICABLE(Map.of("en", "Not applicable", "zh", "不适用", "vi", "Không áp dụng", "th", "ไม่เกี่ยวข้อง"));

    private final Map<String, String> words;

    Answer(Map<String, String> words) {
        this.words = words;
    }

    /** What is written into the buyer's answer column, in the tender's language (English otherwise). */
    public String in(String language) {
        return words.getOrDefault(language, words.get("en"));
    }

    public String token() {
        return name().toLowerCase(Locale.ROOT).replace('_', '-');
    }

    /** comply, partial, not-comply, not-applicable (either case, '_' or '-'); null for anything else. */
    public static Answer parse(String token) {
        if (token == null) {
            return null;
        }
        for (Answer answer : values()) {
            if (answer.token().equals(token.strip().toLowerCase(Locale.ROOT).replace('_', '-'))) {
                return answer;
            }
        }
        return null;
    }
}
