package io.serviceproof.tender;

import java.util.List;
import java.util.Map;

/** Titles of the answer columns added to a buyer's sheet that had none, in the tender's language. */
final class MatrixHeadings {

    private static final Map<String, List<String>> TITLES = Map.of(
            "en", List.of("Compliance", "Reference", "Remarks"),
            "zh", List.of("响应情况", "证明材料", "备注"),
            "vi", List.of("Mức độ đáp ứng", "Tài liệu tham chiếu", "Ghi chú"),
            "th", List.of("การปฏิบัติตาม", "เอกสารอ้างอิง", "หมายเหตุ"));

    private MatrixHeadings() {}

    /** Answer, reference and remarks column titles. */
    static List<String> of(String language) {
        return TITLES.getOrDefault(language, TITLES.get("en"));
    }
}
