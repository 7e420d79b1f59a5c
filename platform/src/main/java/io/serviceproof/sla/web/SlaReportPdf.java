package io.serviceproof.sla.web;

import com.lowagie.text.Document;
import com.lowagie.text.DocumentException;
import com.lowagie.text.Element;
import com.lowagie.text.Font;
import com.lowagie.text.Image;
import com.lowagie.text.PageSize;
import com.lowagie.text.Paragraph;
import com.lowagie.text.pdf.BaseFont;
import com.lowagie.text.pdf.PdfContentByte;
import com.lowagie.text.pdf.PdfPCell;
import com.lowagie.text.pdf.PdfPTable;
import com.lowagie.text.pdf.PdfTemplate;
import com.lowagie.text.pdf.PdfWriter;
import io.serviceproof.common.ReportFonts;
import io.serviceproof.sla.SlaBreach;
import io.serviceproof.sla.SlaCharts;
import io.serviceproof.sla.SlaReport;
import io.serviceproof.sla.SloResult;
import java.awt.Color;
import java.io.ByteArrayOutputStream;
import java.util.Locale;
import java.util.Objects;
import java.util.stream.Collectors;
import org.springframework.context.MessageSource;
import org.springframework.stereotype.Component;

/**
 * The SLA report as PDF, in English or Chinese: the objectives with their measured figures and the
 * log entries behind each, the breaches the tracker raised, and a daily chart per objective drawn
 * as vector graphics (the same bars as the page's SVG).
 */
@Component
class SlaReportPdf {

    private static final float CHART_WIDTH = 520;
    private static final float CHART_HEIGHT = 120;
    private static final float AXIS_LEFT = 58;
    private static final float AXIS_BOTTOM = 12;

    private final ReportFonts fonts;
    private final MessageSource messages;

    SlaReportPdf(ReportFonts fonts, MessageSource messages) {
        this.fonts = fonts;
        this.messages = messages;
    }

    byte[] render(SlaReport report, Locale requested) {
        boolean chinese = "zh".equals(requested.getLanguage());
        Locale locale = chinese ? Locale.SIMPLIFIED_CHINESE : Locale.ENGLISH;
        Font title = fonts.font(chinese, 16, Font.BOLD);
        Font heading = fonts.font(chinese, 12, Font.BOLD);
        Font body = fonts.font(chinese, 9, Font.NORMAL);
        Font small = fonts.font(chinese, 7.5f, Font.NORMAL);
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        Document document = new Document(PageSize.A4, 36, 36, 36, 36);
        try {
            PdfWriter writer = PdfWriter.getInstance(document, out);
            document.open();
            document.add(new Paragraph(text("sla.title", locale) + ": " + report.layerName(), title));
            document.add(new Paragraph(
                    text(
                            "sla.pdf.period",
                            locale,
                            report.period().label(),
                            report.period().from().toString(),
                            report.measuredUntil().toString(),
                            String.valueOf(report.events()),
                            report.layerCode()),
                    small));

            PdfPTable table = new PdfPTable(new float[] {2.2f, 2.4f, 1.4f, 1f, 3.4f});
            table.setWidthPercentage(100);
            table.setSpacingBefore(8);
            table.setHeaderRows(1);
            for (String header : new String[] {
                "SLO",
                text("services.slo.expression", locale),
                text("sla.measured", locale),
                text("assessment.status", locale),
                text("sla.basis", locale)
            }) {
                PdfPCell cell = cell(header, body);
                cell.setGrayFill(0.9f);
                table.addCell(cell);
            }
            for (SloResult r : report.results()) {
                table.addCell(cell(r.id() + "\n" + r.metric(), body));
                table.addCell(cell(r.expression(), body));
                table.addCell(cell(
                        (r.value() == null ? "—" : r.value() + (r.unit() == null ? "" : " " + r.unit()))
                                + (r.low() == null ? "" : "\n" + text("sla.interval", locale, r.low(), r.high())),
                        body));
                table.addCell(cell(text("sla.status." + r.status(), locale), body));
                table.addCell(cell(
                        text(r.how().messageKey(), locale, r.how().args().toArray())
                                + (r.entries().isEmpty()
                                        ? ""
                                        : "\n" + text("sla.pdf.entries", locale) + " "
                                                + r.entries().stream()
                                                        .map(i -> "#" + i)
                                                        .collect(Collectors.joining(" "))),
                        small));
            }
            document.add(table);

            document.add(new Paragraph(text("sla.breaches", locale), heading));
            if (report.breaches().isEmpty()) {
                document.add(new Paragraph(text("sla.breaches.none", locale), body));
            }
            for (SlaBreach b : report.breaches()) {
                document.add(new Paragraph(
                        text(
                                "sla.breach.line",
                                locale,
                                b.sloId(),
                                b.expression(),
                                String.valueOf(b.measured()),
                                b.detectedAt().toString(),
                                String.valueOf(b.ledgerIndex())),
                        body));
            }

            document.add(new Paragraph(text("sla.daily", locale), heading));
            for (int i = 0; i < report.daily().size(); i++) {
                SlaReport.Series series = report.daily().get(i);
                if (series.values().stream().noneMatch(Objects::nonNull)) {
                    continue;
                }
                // Title and chart in one unbreakable block, so a page break never parts them.
                PdfPTable block = new PdfPTable(1);
                block.setWidthPercentage(100);
                block.setKeepTogether(true);
                block.setSpacingBefore(6);
                PdfPCell caption =
                        cell(series.sloId() + " — " + report.results().get(i).metric(), body);
                caption.setBorder(PdfPCell.NO_BORDER);
                block.addCell(caption);
                PdfPCell picture = new PdfPCell(
                        chart(
                                writer,
                                series,
                                report.results().get(i).unit(),
                                report.period().firstDay()),
                        false);
                picture.setBorder(PdfPCell.NO_BORDER);
                block.addCell(picture);
                document.add(block);
            }
            document.add(new Paragraph(text("sla.pdf.verify", locale), small));
        } catch (DocumentException e) {
            throw new IllegalStateException("the PDF could not be written", e);
        } finally {
            document.close();
        }
        return out.toByteArray();
    }

    /**
     * The daily bars and the objective line, as in the page's SVG, with a value axis (lowest,
     * middle and highest value, in the SLO's unit) and a date axis (about one label a week).
     */
    private static Image chart(PdfWriter writer, SlaReport.Series series, String unit, java.time.LocalDate firstDay)
            throws DocumentException {
        PdfContentByte canvas = writer.getDirectContent();
        PdfTemplate template = canvas.createTemplate(CHART_WIDTH, CHART_HEIGHT);
        BaseFont font = axisFont();
        double[] range = SlaCharts.range(series);
        double bottom = range[0];
        double top = range[1];
        float plotWidth = CHART_WIDTH - AXIS_LEFT;
        float plotHeight = CHART_HEIGHT - AXIS_BOTTOM - 4;
        int days = Math.max(1, series.values().size());
        float slot = plotWidth / days;

        template.setColorStroke(new Color(0xe3, 0xe6, 0xea));
        template.setColorFill(Color.DARK_GRAY);
        for (double tick : new double[] {bottom, (bottom + top) / 2, top}) {
            float y = AXIS_BOTTOM + (float) ((tick - bottom) / (top - bottom) * plotHeight);
            template.moveTo(AXIS_LEFT, y);
            template.lineTo(CHART_WIDTH, y);
            template.stroke();
            label(template, font, SlaCharts.label(tick) + (unit == null || unit.isBlank() ? "" : " " + unit), 0, y - 2);
        }
        for (int d = 0; d < series.values().size(); d++) {
            Double v = series.values().get(d);
            if (v == null) {
                continue;
            }
            float h = (float) ((v - bottom) / (top - bottom) * plotHeight);
            boolean met = SlaCharts.met(series, v);
            template.setColorFill(met ? new Color(0x19, 0x87, 0x54) : new Color(0xdc, 0x35, 0x45));
            template.rectangle(AXIS_LEFT + d * slot + slot * 0.15f, AXIS_BOTTOM, slot * 0.7f, Math.max(1, h));
            template.fill();
        }
        template.setColorFill(Color.DARK_GRAY);
        template.setColorStroke(Color.DARK_GRAY);
        template.moveTo(AXIS_LEFT, AXIS_BOTTOM);
        template.lineTo(CHART_WIDTH, AXIS_BOTTOM);
        template.moveTo(AXIS_LEFT, AXIS_BOTTOM);
        template.lineTo(AXIS_LEFT, AXIS_BOTTOM + plotHeight);
        template.stroke();
        int step = Math.max(1, days / 5);
        for (int d = 0; d < days; d += step) {
            label(template, font, firstDay.plusDays(d).toString().substring(5), AXIS_LEFT + d * slot, 1);
        }
        float line = AXIS_BOTTOM + (float) ((series.threshold() - bottom) / (top - bottom) * plotHeight);
        template.setLineDash(4, 3, 0);
        template.moveTo(AXIS_LEFT, line);
        template.lineTo(CHART_WIDTH, line);
        template.stroke();
        Image image = Image.getInstance(template);
        image.setAlignment(Element.ALIGN_LEFT);
        return image;
    }

    private static void label(PdfTemplate template, BaseFont font, String text, float x, float y) {
        template.beginText();
        template.setFontAndSize(font, 7);
        template.setTextMatrix(x, y);
        template.showText(text);
        template.endText();
    }

    /** Axis labels are digits, dashes and unit symbols: the PDF standard Helvetica carries them. */
    private static BaseFont axisFont() {
        try {
            return BaseFont.createFont(BaseFont.HELVETICA, BaseFont.WINANSI, BaseFont.NOT_EMBEDDED);
        } catch (java.io.IOException | DocumentException e) {
            throw new IllegalStateException("the standard PDF font is not available", e);
        }
    }

    private static PdfPCell cell(String text, Font font) {
        return io.serviceproof.common.PdfCells.cell(text, font);
    }

    private String text(String key, Locale locale, Object... args) {
        return messages.getMessage(key, args, locale);
    }
}
