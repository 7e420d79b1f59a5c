package io.serviceproof.dossier;

import io.serviceproof.assessment.Assessment;
import io.serviceproof.assessment.AssessmentView;
import io.serviceproof.assessment.RequirementResult;
import io.serviceproof.identity.Organisation;
import java.util.List;
import java.util.Map;

/**
 * The dossier's human-readable report as one self-contained HTML page: a summary in English,
 * Chinese and the target market's language, then every requirement's result. Our own short words
 * only; requirement titles are the catalog's own short titles.
 */
final class DossierReport {

    /** Summary labels per language: title, offering, market, readiness, signed off, how to verify. */
    static final Map<String, List<String>> SUMMARY = Map.of(
            "en",
                    List.of(
                            "Conformity dossier",
                            "Offering",
                            "Market profile",
                            "Readiness",
                            "Signed off",
                            "Verify this dossier offline: serviceproof-verify dossier <file>"),
            "zh", List.of("合规档案", "产品与服务组合", "市场概况", "就绪度", "签署时间", "离线验证本档案：serviceproof-verify dossier <文件>"),
            "vi",
                    List.of(
                            "Hồ sơ hợp chuẩn",
                            "Sản phẩm",
                            "Hồ sơ thị trường",
                            "Mức độ sẵn sàng",
                            "Ngày phê duyệt",
                            "Xác minh hồ sơ này ngoại tuyến: serviceproof-verify dossier <tệp>"),
            "th",
                    List.of(
                            "แฟ้มหลักฐานความสอดคล้อง",
                            "ผลิตภัณฑ์",
                            "โปรไฟล์ตลาด",
                            "ความพร้อม",
                            "วันที่ลงนาม",
                            "ตรวจสอบแฟ้มนี้แบบออฟไลน์: serviceproof-verify dossier <ไฟล์>"),
            "ms",
                    List.of(
                            "Dosier pematuhan",
                            "Tawaran",
                            "Profil pasaran",
                            "Kesediaan",
                            "Ditandatangani",
                            "Sahkan dosier ini di luar talian: serviceproof-verify dossier <fail>"),
            "id",
                    List.of(
                            "Dosier kesesuaian",
                            "Penawaran",
                            "Profil pasar",
                            "Kesiapan",
                            "Ditandatangani",
                            "Verifikasi dosier ini secara luring: serviceproof-verify dossier <berkas>"));

    /** The language of each target market besides English and Chinese. */
    static final Map<String, String> MARKET_LANGUAGE = Map.of("VN", "vi", "TH", "th", "MY", "ms", "ID", "id");

    private DossierReport() {}

    static String html(
            Organisation issuer,
            Credential credential,
            Assessment assessment,
            AssessmentView view,
            String offering,
            String statusList) {
        StringBuilder html = new StringBuilder("<!DOCTYPE html><html lang=\"en\"><head><meta charset=\"utf-8\"><title>")
                .append(escape(SUMMARY.get("en").get(0) + " — " + offering))
                .append("</title><style>body{font-family:sans-serif;max-width:60em;margin:2em auto}"
                        + "table{border-collapse:collapse}td,th{border:1px solid #ccc;padding:.2em .5em;text-align:left}"
                        + "section{margin-bottom:1.5em}</style></head><body>");
        String market = MARKET_LANGUAGE.get(assessment.market());
        for (String language : market == null ? List.of("en", "zh") : List.of("en", "zh", market)) {
            List<String> words = SUMMARY.get(language);
            html.append("<section lang=\"")
                    .append(language)
                    .append("\"><h1>")
                    .append(escape(words.get(0)))
                    .append("</h1><p>")
                    .append(escape(issuer.name()))
                    .append("</p><dl>")
                    .append("<dt>")
                    .append(escape(words.get(1)))
                    .append("</dt><dd>")
                    .append(escape(offering))
                    .append("</dd>")
                    .append("<dt>")
                    .append(escape(words.get(2)))
                    .append("</dt><dd>")
                    .append(escape(assessment.market()))
                    .append("</dd>")
                    .append("<dt>")
                    .append(escape(words.get(3)))
                    .append("</dt><dd>")
                    .append(view.score())
                    .append(" %</dd>")
                    .append("<dt>")
                    .append(escape(words.get(4)))
                    .append("</dt><dd>")
                    .append(escape(String.valueOf(assessment.signedAt())))
                    .append("</dd></dl><p>")
                    .append(escape(words.get(5)))
                    .append("</p></section>");
        }
        html.append("<section><h2>Credential</h2><p>urn:uuid:")
                .append(escape(credential.id()))
                .append(" — SHA-256 ")
                .append(escape(credential.sha256()))
                .append(", log entry #")
                .append(credential.ledgerIndex())
                .append("</p>")
                .append(statusAsOf(statusList))
                .append("</section>");
        html.append("<section><h2>Requirements</h2><table><tr><th>Framework</th><th>Ref</th><th>Title</th>"
                + "<th>Basis</th><th>Result</th></tr>");
        for (RequirementResult r : view.results()) {
            html.append("<tr><td>")
                    .append(escape(r.framework()))
                    .append("</td><td>")
                    .append(escape(r.ref()))
                    .append("</td><td>")
                    .append(escape(r.title()))
                    .append("</td><td>")
                    .append(escape(r.basis()))
                    .append("</td><td>")
                    .append(escape(r.result().token()))
                    .append("</td></tr>");
        }
        return html.append("</table></section></body></html>").toString();
    }

    /** When revocation was last checked: the list in this dossier, and where the current one is. */
    private static String statusAsOf(String statusList) {
        try {
            Map<?, ?> list = (Map<?, ?>) io.serviceproof.verifier.json.Json.parse(statusList);
            return "<p id=\"revocation-status\">Revocation status as of "
                    + escape(String.valueOf(list.get("validFrom")))
                    + " (this copy of the issuer's list is valid until "
                    + escape(String.valueOf(list.get("validUntil")))
                    + "). It may have changed since: verifiers check the issuer's current list at "
                    + escape(String.valueOf(list.get("id"))) + ".</p>";
        } catch (io.serviceproof.verifier.json.JsonException | ClassCastException e) {
            throw new IllegalStateException("the issuer's status list is not JSON", e);
        }
    }

    private static String escape(String text) {
        return text == null
                ? ""
                : text.replace("&", "&amp;")
                        .replace("<", "&lt;")
                        .replace(">", "&gt;")
                        .replace("\"", "&quot;");
    }
}
