package io.serviceproof.tender;

import com.lowagie.text.Document;
import com.lowagie.text.DocumentException;
import com.lowagie.text.Font;
import com.lowagie.text.PageSize;
import com.lowagie.text.Paragraph;
import com.lowagie.text.pdf.PdfPTable;
import com.lowagie.text.pdf.PdfWriter;
import io.serviceproof.common.PdfCells;
import io.serviceproof.common.ReportFonts;
import java.io.ByteArrayOutputStream;
import java.time.Clock;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.springframework.stereotype.Service;

/**
 * The matrix as a PDF annex to the submission: a summary in English, Chinese and the tender's
 * language (Vietnamese or Thai) with the counts of answers and the matrix digest, then every clause
 * with its answer in the tender's language, references and remarks. Each cell is set in a font for
 * its own script, since a Vietnamese list may cite a Chinese evidence title.
 */
@Service
public class TenderAnnex {

    private final Tenders tenders;
    private final TenderExports exports;
    private final ReportFonts fonts;
    private final Clock clock;

    TenderAnnex(Tenders tenders, TenderExports exports, ReportFonts fonts, Clock clock) {
        this.tenders = tenders;
        this.exports = exports;
        this.fonts = fonts;
        this.clock = clock;
    }

    public TenderExports.Export pdf(String tenderId) {
        Tender tender = tenders.tender(tenderId);
        List<TenderClause> clauses = tenders.clauses(tenderId);
        String digest = exports.digest(tenderId);
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        Document document = new Document(PageSize.A4.rotate(), 36, 36, 36, 36);
        try {
            PdfWriter.getInstance(document, out);
            document.open();
            for (String language : AnnexWords.languagesFor(tender.language())) {
                summary(document, language, tender, clauses, digest);
            }
            document.newPage();
            document.add(table(tender, clauses));
            document.close();
        } catch (DocumentException e) {
            throw new IllegalStateException("the tender annex could not be written", e);
        }
        return new TenderExports.Export("tender-annex.pdf", "application/pdf", out.toByteArray());
    }

    private void summary(Document document, String language, Tender tender, List<TenderClause> clauses, String digest)
            throws DocumentException {
        List<String> words = AnnexWords.WORDS.get(language);
        Font heading = fonts.font(language, 14, Font.BOLD);
        Font body = fonts.font(language, 10, Font.NORMAL);
        document.add(new Paragraph(words.get(0) + ": " + tender.title(), heading));
        if (tender.buyer() != null) {
            document.add(new Paragraph(words.get(1) + ": " + tender.buyer(), font(tender.buyer(), 10)));
        }
        Map<Answer, Long> counts = clauses.stream()
                .filter(TenderClause::answered)
                .collect(Collectors.groupingBy(TenderClause::answer, Collectors.counting()));
        String answered = Arrays.stream(Answer.values())
                .filter(counts::containsKey)
                .map(a -> a.in(language) + " " + counts.get(a))
                .collect(Collectors.joining(", "));
        document.add(new Paragraph(
                words.get(2) + ": " + clauses.size() + ". " + words.get(3) + ": "
                        + clauses.stream().filter(TenderClause::answered).count()
                        + (answered.isEmpty() ? "" : " (" + answered + ")"),
                body));
        document.add(new Paragraph(
                words.get(4) + ": "
                        + DateTimeFormatter.ISO_LOCAL_DATE_TIME.format(clock.instant()
                                .atZone(ZoneOffset.UTC)
                                .withNano(0)
                                .toLocalDateTime())
                        + " UTC",
                body));
        document.add(new Paragraph(words.get(5) + ": sha256:" + digest, body));
        Paragraph check = new Paragraph(words.get(6), fonts.font(language, 8.5f, Font.ITALIC));
        check.setSpacingAfter(14);
        document.add(check);
    }

    private PdfPTable table(Tender tender, List<TenderClause> clauses) throws DocumentException {
        String language = tender.language();
        List<String> words = AnnexWords.WORDS.getOrDefault(language, AnnexWords.WORDS.get("en"));
        List<String> headings = MatrixHeadings.of(language);
        PdfPTable table = new PdfPTable(new float[] {1.1f, 6f, 1.8f, 5f, 2.6f});
        table.setWidthPercentage(100);
        table.setHeaderRows(1);
        Font head = fonts.font(language, 9, Font.BOLD);
        for (String heading : List.of(words.get(7), words.get(8), headings.get(0), headings.get(1), headings.get(2))) {
            table.addCell(PdfCells.cell(heading, head));
        }
        for (TenderClause c : clauses) {
            table.addCell(PdfCells.cell(c.number() == null ? "#" + c.position() : c.number(), font(c.number(), 8)));
            table.addCell(PdfCells.cell(c.text(), font(c.text(), 8)));
            String answer = c.answered() ? c.answer().in(language) : "—";
            table.addCell(PdfCells.cell(answer, fonts.font(language, 8, Font.BOLD)));
            table.addCell(PdfCells.cell(c.references(), font(c.references(), 7)));
            String remarks = (c.remarks() == null ? "" : c.remarks())
                    + (c.flags().isEmpty() ? "" : (c.remarks() == null ? "" : "\n") + String.join("; ", c.flags()));
            table.addCell(PdfCells.cell(remarks, font(remarks, 7)));
        }
        return table;
    }

    /** A font for the text's own script (Han, Thai, Vietnamese letters, or plain Latin). */
    private Font font(String text, float size) {
        return fonts.font(text == null || text.isEmpty() ? "en" : ClauseLanguage.of(text), size, Font.NORMAL);
    }
}
