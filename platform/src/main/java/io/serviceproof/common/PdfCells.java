package io.serviceproof.common;

import com.lowagie.text.Element;
import com.lowagie.text.Font;
import com.lowagie.text.Phrase;
import com.lowagie.text.pdf.PdfPCell;

/** The table cell every PDF report uses: top-aligned, a little padding, empty for null. */
public final class PdfCells {

    private PdfCells() {}

    public static PdfPCell cell(String text, Font font) {
        PdfPCell cell = new PdfPCell(new Phrase(text == null ? "" : text, font));
        cell.setVerticalAlignment(Element.ALIGN_TOP);
        cell.setPadding(3);
        return cell;
    }
}
