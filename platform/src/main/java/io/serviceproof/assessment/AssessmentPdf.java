package io.serviceproof.assessment;

import com.lowagie.text.Document;
import com.lowagie.text.DocumentException;
import com.lowagie.text.Font;
import com.lowagie.text.PageSize;
import com.lowagie.text.Paragraph;
import com.lowagie.text.pdf.PdfPCell;
import com.lowagie.text.pdf.PdfPTable;
import com.lowagie.text.pdf.PdfWriter;
import io.serviceproof.common.ReportFonts;
import java.io.ByteArrayOutputStream;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Collectors;
import org.springframework.context.MessageSource;
import org.springframework.stereotype.Component;

/**
 * Assessments as PDF, in English or Chinese: the readiness report (score, counts, per layer, gaps
 * with their reasons, action plan, and for signed-off assessments the digest a reader can check
 * against the log) and the ISO/IEC 27001 Statement of Applicability.
 */
@Component
public class AssessmentPdf {

    private final ReportFonts fonts;
    private final MessageSource messages;

    private final RequirementTitles titles;

    private final ReasonWording wording;

    AssessmentPdf(ReportFonts fonts, MessageSource messages, RequirementTitles titles, ReasonWording wording) {
        this.fonts = fonts;
        this.messages = messages;
        this.titles = titles;
        this.wording = wording;
    }

    /** A layer of the offering: its name and readiness. */
    public record LayerLine(String name, double score, long requirements) {}

    public byte[] report(
            AssessmentView view,
            String offeringName,
            List<LayerLine> layers,
            List<Action> actions,
            String generated,
            boolean chinese) {
        return report(view, offeringName, layers, actions, generated, chinese, null, null);
    }

    /**
     * A summary in another language (the target market's), printed first: the labels of the title,
     * offering, market, readiness, sign-off and how to verify, in that language.
     */
    public record Summary(String language, List<String> labels) {}

    /**
     * The readiness report; with {@code verifyUrl}, it ends with a QR code of that address, so a
     * reader of the printed report reaches the public verification page.
     */
    public byte[] report(
            AssessmentView view,
            String offeringName,
            List<LayerLine> layers,
            List<Action> actions,
            String generated,
            boolean chinese,
            String verifyUrl,
            Summary summary) {
        Locale locale = locale(chinese);
        Font title = fonts.font(chinese, 16, Font.BOLD);
        Font heading = fonts.font(chinese, 12, Font.BOLD);
        Font body = fonts.font(chinese, 9, Font.NORMAL);
        Font small = fonts.font(chinese, 7.5f, Font.NORMAL);
        return write(document -> {
            Assessment a = view.assessment();
            if (summary != null) {
                summaryPage(document, summary, view, offeringName, verifyUrl);
            }
            document.add(new Paragraph(text("assessment.pdf.title", locale), title));
            document.add(new Paragraph(offeringName + " → " + a.market(), heading));
            document.add(new Paragraph(text("assessment.pdf.generated", locale, generated), small));
            document.add(new Paragraph(
                    a.signedOff()
                            ? text(
                                    "assessment.pdf.signed",
                                    locale,
                                    a.signedAt().toString(),
                                    a.signedBy(),
                                    a.sha256(),
                                    String.valueOf(a.ledgerIndex()))
                            : text("assessment.live", locale),
                    small));
            document.add(new Paragraph(text("assessment.readiness", locale) + ": " + view.score() + " %", heading));
            document.add(new Paragraph(text("assessment.weights", locale), small));

            PdfPTable counts = new PdfPTable(view.counts().size());
            counts.setSpacingBefore(6);
            view.counts()
                    .forEach((result, n) ->
                            counts.addCell(cell(text("assessment.result." + result.token(), locale) + ": " + n, body)));
            document.add(counts);

            if (!layers.isEmpty()) {
                document.add(new Paragraph(text("services.layers", locale), heading));
                PdfPTable table = table(
                        new float[] {5, 2, 3},
                        body,
                        text("services.layer.name", locale),
                        text("assessment.readiness", locale),
                        text("assessment.layer.requirements", locale));
                for (LayerLine layer : layers) {
                    table.addCell(cell(layer.name(), body));
                    table.addCell(cell(layer.score() + " %", body));
                    table.addCell(cell(String.valueOf(layer.requirements()), body));
                }
                document.add(table);
            }

            document.add(new Paragraph(
                    text("assessment.gaps", locale) + " (" + view.gaps().size() + ")", heading));
            PdfPTable gaps = table(
                    new float[] {3, 2, 6, 2, 2, 8},
                    small,
                    text("catalog.framework", locale),
                    text("assessment.requirement", locale),
                    "",
                    text("assessment.basis", locale),
                    text("assessment.result", locale),
                    text("assessment.why", locale));
            Map<String, String> titlesZh = chinese ? titles.chinese(view) : Map.of();
            for (RequirementResult r : view.gaps()) {
                gaps.addCell(cell(r.framework(), small));
                gaps.addCell(cell(r.ref(), small));
                gaps.addCell(cell(titlesZh.getOrDefault(r.requirementId(), r.title()), small));
                gaps.addCell(cell(text("catalog.basis." + r.basis(), locale), small));
                gaps.addCell(cell(text("assessment.result." + r.result().token(), locale), small));
                gaps.addCell(cell(
                        r.reasons().stream().map(why -> reasonLine(why, locale)).collect(Collectors.joining("; ")),
                        small));
            }
            document.add(gaps);

            if (!actions.isEmpty()) {
                document.add(new Paragraph(text("assessment.actions", locale), heading));
                PdfPTable plan = table(
                        new float[] {8, 3, 2},
                        body,
                        text("assessment.action", locale),
                        text("assessment.action.due", locale),
                        text("assessment.status", locale));
                for (Action action : actions) {
                    plan.addCell(cell(action.title(), body));
                    plan.addCell(cell(action.dueDate().toString(), body));
                    plan.addCell(
                            cell(text("assessment.action." + action.status().token(), locale), body));
                }
                document.add(plan);
            }
            if (verifyUrl != null) {
                document.add(new Paragraph(text("assessment.pdf.verify", locale, verifyUrl), small));
                document.add(io.serviceproof.common.QrCodes.pdfImage(verifyUrl, 96));
            }
        });
    }

    private void summaryPage(
            Document document, Summary summary, AssessmentView view, String offeringName, String verifyUrl)
            throws DocumentException {
        Font heading = fonts.font(summary.language(), 16, Font.BOLD);
        Font body = fonts.font(summary.language(), 11, Font.NORMAL);
        List<String> labels = summary.labels();
        Assessment a = view.assessment();
        document.add(new Paragraph(labels.get(0), heading));
        document.add(new Paragraph(labels.get(1) + ": " + offeringName, body));
        document.add(new Paragraph(labels.get(2) + ": " + a.market(), body));
        document.add(new Paragraph(labels.get(3) + ": " + view.score() + " %", body));
        document.add(new Paragraph(labels.get(4) + ": " + a.signedAt(), body));
        document.add(new Paragraph(labels.get(5) + (verifyUrl == null ? "" : " — " + verifyUrl), body));
        document.newPage();
    }

    public byte[] statementOfApplicability(
            AssessmentView view, List<AssessmentExports.SoaControl> controls, String generated, boolean chinese) {
        Locale locale = locale(chinese);
        Font title = fonts.font(chinese, 14, Font.BOLD);
        Font small = fonts.font(chinese, 7.5f, Font.NORMAL);
        Map<String, RequirementResult> byId = view.results().stream()
                .collect(Collectors.toMap(RequirementResult::requirementId, x -> x, (x, y) -> x));
        return write(document -> {
            document.add(new Paragraph(text("assessment.soa.title", locale), title));
            document.add(new Paragraph(view.assessment().title() + " · " + generated, small));
            PdfPTable table = table(
                    new float[] {2, 6, 2, 6, 3},
                    small,
                    text("assessment.soa.control", locale),
                    "",
                    text("assessment.soa.applicable", locale),
                    text("assessment.soa.justification", locale),
                    text("assessment.soa.implementation", locale));
            for (AssessmentExports.SoaControl control : controls) {
                RequirementResult x = byId.get(control.requirementId());
                boolean applicable = x != null && x.result() != Result.NOT_APPLICABLE;
                table.addCell(cell(control.ref(), small));
                table.addCell(
                        cell(chinese && !control.titleZh().isBlank() ? control.titleZh() : control.title(), small));
                table.addCell(cell(text(applicable ? "assessment.soa.yes" : "assessment.soa.no", locale), small));
                table.addCell(cell(
                        x == null
                                ? text(
                                        "assessment.soa.notRequired",
                                        locale,
                                        view.assessment().market())
                                : x.result() == Result.NOT_APPLICABLE
                                        ? wording.say(x.reasons().get(0), locale)
                                        : text(
                                                "assessment.soa.required",
                                                locale,
                                                text("catalog.basis." + x.basis(), locale)),
                        small));
                table.addCell(cell(
                        x == null ? "" : text("assessment.result." + x.result().token(), locale), small));
            }
            document.add(table);
        });
    }

    private interface Content {
        void write(Document document) throws DocumentException;
    }

    private static byte[] write(Content content) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        Document document = new Document(PageSize.A4.rotate(), 28, 28, 28, 28);
        try {
            PdfWriter.getInstance(document, out);
            document.open();
            content.write(document);
        } catch (DocumentException e) {
            throw new IllegalStateException("the PDF could not be written", e);
        } finally {
            document.close();
        }
        return out.toByteArray();
    }

    private static PdfPTable table(float[] widths, Font font, String... headers) {
        PdfPTable table = new PdfPTable(widths);
        table.setWidthPercentage(100);
        table.setSpacingBefore(6);
        table.setHeaderRows(1);
        for (String header : headers) {
            PdfPCell cell = cell(header, font);
            cell.setGrayFill(0.9f);
            table.addCell(cell);
        }
        return table;
    }

    private static PdfPCell cell(String text, Font font) {
        return io.serviceproof.common.PdfCells.cell(text, font);
    }

    /** A reason as the page shows it: its kind, then what it rests on, in the report's language. */
    private String reasonLine(Reason why, Locale locale) {
        String kind = text("assessment.reasonKind." + why.kind(), locale);
        return why.kind().equals("none") ? kind : kind + ": " + wording.say(why, locale);
    }

    private String text(String key, Locale locale, Object... args) {
        return messages.getMessage(key, args, locale);
    }

    private static Locale locale(boolean chinese) {
        return chinese ? Locale.SIMPLIFIED_CHINESE : Locale.ENGLISH;
    }
}
