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

    /** TrueType fonts for the market languages whose script Helvetica lacks (Debian locations). */
    static final java.util.Map<String, List<String>> MARKET_FONTS = java.util.Map.of(
            "th", List.of("/usr/share/fonts/truetype/tlwg/Garuda.ttf", "/usr/share/fonts/truetype/tlwg/Loma.ttf"),
            "vi", List.of("/usr/share/fonts/truetype/dejavu/DejaVuSans.ttf"));

    private final java.util.Map<String, BaseFont> marketFonts = new java.util.concurrent.ConcurrentHashMap<>();

    /**
     * A font for a summary in a market's language: Thai needs a Thai font (fonts-thai-tlwg),
     * Vietnamese one with its accents (fonts-dejavu-core); Malay and Indonesian are plain Latin.
     * Refused with what to install when the font is missing.
     */
    public Font font(String language, float size, int style) {
        if (language.equals("zh")) {
            return font(true, size, style);
        }
        List<String> candidates = MARKET_FONTS.get(language);
        if (candidates == null) {
            return font(false, size, style);
        }
        BaseFont base = marketFonts.computeIfAbsent(
                language,
                l -> candidates.stream()
                        .filter(path -> Files.isReadable(Path.of(path)))
                        .findFirst()
                        .map(ReportFonts::load)
                        .orElse(null));
        if (base == null) {
            throw new ServiceUnavailableException(
                    "Reports in '" + language + "' need a font for its script on the server:" + " install "
                            + (language.equals("th") ? "fonts-thai-tlwg" : "fonts-dejavu-core"));
        }
        return new Font(base, size, style);
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
