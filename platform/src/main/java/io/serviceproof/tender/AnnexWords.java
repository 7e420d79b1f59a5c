package io.serviceproof.tender;

import java.util.List;
import java.util.Map;

/**
 * The annex's own words in English, Chinese, Vietnamese and Thai: our short labels, in the order
 * title, buyer, clauses, answered, generated, digest, how to check it, then the table's number and
 * clause headings (answer, reference and remarks come from {@link MatrixHeadings}).
 */
final class AnnexWords {

    static final Map<String, List<String>> WORDS = Map.of(
            "en",
            List.of(
                    "Tender compliance matrix",
                    "Buyer",
                    "Clauses",
                    "Answered",
                    "Generated",
                    "Matrix digest (SHA-256 of matrix.json)",
                    "Recompute the SHA-256 of matrix.json: if it differs, an answer was changed after this annex.",
                    "No.",
                    "Clause"),
            "zh",
            List.of(
                    "投标应答矩阵",
                    "采购方",
                    "条款",
                    "已应答",
                    "生成时间",
                    "应答矩阵摘要（matrix.json 的 SHA-256）",
                    "重新计算 matrix.json 的 SHA-256：若不一致，说明本附件之后有应答被修改。",
                    "序号",
                    "条款"),
            "vi",
            List.of(
                    "Bảng đáp ứng yêu cầu hồ sơ mời thầu",
                    "Bên mời thầu",
                    "Số yêu cầu",
                    "Đã trả lời",
                    "Ngày lập",
                    "Mã băm của bảng (SHA-256 của matrix.json)",
                    "Tính lại SHA-256 của matrix.json: nếu khác, đã có câu trả lời bị thay đổi sau phụ lục này.",
                    "STT",
                    "Yêu cầu"),
            "th",
            List.of(
                    "ตารางการปฏิบัติตามข้อกำหนดการประกวดราคา",
                    "ผู้ซื้อ",
                    "จำนวนข้อกำหนด",
                    "ตอบแล้ว",
                    "จัดทำเมื่อ",
                    "ค่าแฮชของตาราง (SHA-256 ของ matrix.json)",
                    "คำนวณ SHA-256 ของ matrix.json ใหม่ หากไม่ตรงกัน แสดงว่ามีการแก้ไขคำตอบหลังจากภาคผนวกนี้",
                    "ลำดับ",
                    "ข้อกำหนด"));

    private AnnexWords() {}

    /** The languages an annex summarises in: English, Chinese, and the tender's own if another. */
    static List<String> languagesFor(String tenderLanguage) {
        return WORDS.containsKey(tenderLanguage) && !List.of("en", "zh").contains(tenderLanguage)
                ? List.of("en", "zh", tenderLanguage)
                : List.of("en", "zh");
    }
}
