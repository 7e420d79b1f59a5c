package io.serviceproof.common;

import com.lowagie.text.Font;
import com.lowagie.text.pdf.BaseFont;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * The fonts PDF reports embed. Chinese needs a TrueType CJK font on the server:
 * {@code serviceproof.reports.cjk-font}, or the first of the usual Debian locations that exists
 * (fonts-wqy-zenhei, fonts-arphic-uming). English reports fall back to Helvetica without one.
 */
@Component
public class ReportFonts {

    static final List<String> KNOWN = List.of(
            "/usr/share/fonts/truetype/wqy/wqy-zenhei.ttc",
            "/usr/share/fonts/truetype/wqy/wqy-microhei.ttc",
            "/usr/share/fonts/truetype/arphic/uming.ttc");

    private final Optional<BaseFont> cjk;

    ReportFonts(@Value("${serviceproof.reports.cjk-font:}") String configured) {
        this.cjk = (configured.isBlank() ? KNOWN.stream() : java.util.stream.Stream.of(configured))
                .filter(path -> Files.isReadable(Path.of(path)))
                .findFirst()
                .map(ReportFonts::load);
    }

    private static BaseFont load(String path) {
        try {
            return BaseFont.createFont(
                    path.endsWith(".ttc") ? path + ",0" : path, BaseFont.IDENTITY_H, BaseFont.EMBEDDED);
        } catch (Exception e) {
            throw new IllegalStateException("cannot read the report font " + path + ": " + e.getMessage(), e);
        }
    }

    /** A font for the language; Chinese without a CJK font installed is refused with what to do. */
    public Font font(boolean chinese, float size, int style) {
        if (cjk.isPresent()) {
            return new Font(cjk.get(), size, style);
        }
        if (chinese) {
            throw new ServiceUnavailableException("Chinese PDF reports need a TrueType CJK font on the server: install"
                    + " fonts-wqy-zenhei, or set serviceproof.reports.cjk-font to a .ttf or .ttc file");
        }
        return new Font(Font.HELVETICA, size, style);
    }
}
