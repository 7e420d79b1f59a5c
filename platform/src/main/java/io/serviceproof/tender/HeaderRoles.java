package io.serviceproof.tender;

import java.text.Normalizer;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * What a buyer's column title says the column holds, in the languages tenders come in. Buyers title
 * columns freely ("Compliance (Y/N)", "Mức độ đáp ứng", "响应/偏离", "Requirement No."), so a title is
 * read by the words it contains, most specific role first: a numbering column's title may also say
 * "requirement", an answer column's may say "response".
 */
final class HeaderRoles {

    enum Role {
        NUMBER,
        ANSWER,
        REFERENCE,
        REMARKS,
        TEXT,
        OTHER
    }

    private static final List<Pattern> NUMBER = patterns(
            "^(no|no\\.|nr|#|id|s/n|sn|sl|item|ref|ref\\.|stt|tt|số tt|số|mục|điều|序号|编号|条款号|条目|项目编号|ลำดับ|ลำดับที่|ข้อ)$",
            "\\b(no\\.?|number|nr|id|item no|clause no|ref no|req(uirement)? (no|id|#))\\b",
            "số thứ tự|序号|编号|条款号|ลำดับ");
    private static final List<Pattern> ANSWER = patterns(
            "\\bcompl(y|iance|iant)\\b|\\b(y/n|yes/no)\\b|\\bresponse\\b|\\bdeviation\\b|\\bstatement of compliance\\b",
            "tuân thủ|đáp ứng|phản hồi của nhà thầu|响应|应答|符合|偏离|การปฏิบัติตาม|ตอบสนอง|สอดคล้อง");
    private static final List<Pattern> REFERENCE = patterns(
            "\\breference|\\bevidence\\b|\\bsupporting\\b|\\bproof\\b|\\bdocument(s|ation)?\\b",
            "tham chiếu|bằng chứng|tài liệu|证明|证据|参考|支撑材料|佐证|อ้างอิง|หลักฐาน|เอกสาร");
    private static final List<Pattern> REMARKS =
            patterns("\\bremarks?\\b|\\bcomments?\\b|\\bnotes?\\b|\\bexplanation\\b", "ghi chú|备注|说明|หมายเหตุ");
    private static final List<Pattern> TEXT = patterns(
            "\\brequirements?\\b|\\bdescription\\b|\\bspecifications?\\b|\\bclause\\b|\\bcriteria\\b|\\bparameters?\\b",
            "yêu cầu|mô tả|nội dung|thông số|tiêu chí|要求|描述|内容|条款|规格|参数|指标|ข้อกำหนด|รายละเอียด|คุณลักษณะ");

    private HeaderRoles() {}

    static Role of(String title) {
        String t = Normalizer.normalize(title == null ? "" : title, Normalizer.Form.NFC)
                .toLowerCase(Locale.ROOT)
                .strip();
        if (t.isEmpty()) {
            return Role.OTHER;
        }
        // Checked in this order: the most specific titles first.
        if (any(NUMBER, t) && !any(ANSWER, t)) {
            return Role.NUMBER;
        }
        if (any(ANSWER, t)) {
            return Role.ANSWER;
        }
        if (any(REFERENCE, t)) {
            return Role.REFERENCE;
        }
        if (any(REMARKS, t)) {
            return Role.REMARKS;
        }
        if (any(TEXT, t)) {
            return Role.TEXT;
        }
        return Role.OTHER;
    }

    private static boolean any(List<Pattern> patterns, String title) {
        return patterns.stream().anyMatch(p -> p.matcher(title).find());
    }

    private static List<Pattern> patterns(String... regexes) {
        return java.util.Arrays.stream(regexes)
                .map(r -> Pattern.compile(r, Pattern.UNICODE_CASE | Pattern.UNICODE_CHARACTER_CLASS))
                .toList();
    }
}
