package io.serviceproof.tender;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.Tokenizer;
import org.apache.lucene.analysis.cn.smart.SmartChineseAnalyzer;
import org.apache.lucene.analysis.en.EnglishAnalyzer;
import org.apache.lucene.analysis.icu.ICUFoldingFilter;
import org.apache.lucene.analysis.icu.ICUNormalizer2Filter;
import org.apache.lucene.analysis.icu.segmentation.ICUTokenizer;
import org.apache.lucene.analysis.miscellaneous.PerFieldAnalyzerWrapper;
import org.apache.lucene.analysis.th.ThaiTokenizer;
import org.apache.lucene.analysis.tokenattributes.CharTermAttribute;

/**
 * How clause and answerable text becomes terms. Three fields: {@code en} (English words, stop words
 * dropped, Porter stems), {@code zh} (Chinese words segmented by smartcn's dictionary), and {@code
 * other}: any language's words folded by ICU — lower case, diacritics and width removed — so
 * "Kiểm soát truy cập" and "kiem soat truy cap" are the same words; Thai, written without spaces, is
 * split into words by Lucene's Thai tokenizer first.
 */
final class Analysis {

    static final String EN = "en";
    static final String ZH = "zh";
    static final String OTHER = "other";
    /** The framework's name: weak evidence on its own ("ISO/IEC 27001" is in every one of its controls). */
    static final String FRAMEWORK = "framework";

    private final Analyzer english = new EnglishAnalyzer();
    private final Analyzer chinese = new SmartChineseAnalyzer();
    private final Analyzer folding = new Folding(false, true);
    private final Analyzer thaiFolding = new Folding(true, true);
    private final Analyzer casefolding = new Folding(false, false);
    private final Analyzer thaiCasefolding = new Folding(true, false);
    private final Analyzer perField =
            new PerFieldAnalyzerWrapper(folding, Map.of(EN, english, ZH, chinese, OTHER, folding, FRAMEWORK, english));

    /** The analyzer an index of answerables is written with. */
    Analyzer indexing() {
        return perField;
    }

    List<String> english(String text) {
        return tokens(english, EN, text);
    }

    List<String> chinese(String text) {
        return tokens(chinese, ZH, text);
    }

    /**
     * Words of text in the given language in lower case, diacritics kept: in Vietnamese "và" (and)
     * and "vá" (patch) are different words, which folding would merge.
     */
    List<String> words(String language, String text) {
        return tokens(ClauseLanguage.THAI.equals(language) ? thaiCasefolding : casefolding, OTHER, text);
    }

    /** Folded words of text in the given language: Thai split by its tokenizer, the rest by ICU. */
    List<String> folded(String language, String text) {
        return tokens(ClauseLanguage.THAI.equals(language) ? thaiFolding : folding, OTHER, text);
    }

    private static List<String> tokens(Analyzer analyzer, String field, String text) {
        List<String> tokens = new ArrayList<>();
        if (text == null || text.isBlank()) {
            return tokens;
        }
        try (TokenStream stream = analyzer.tokenStream(field, text)) {
            CharTermAttribute term = stream.addAttribute(CharTermAttribute.class);
            stream.reset();
            while (stream.incrementToken()) {
                tokens.add(term.toString());
            }
            stream.end();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return tokens;
    }

    /** ICU word breaks (or Thai's), then ICU folding (case, diacritics, width) or case folding only. */
    private static final class Folding extends Analyzer {

        private final boolean thai;
        private final boolean diacritics;

        Folding(boolean thai, boolean diacritics) {
            this.thai = thai;
            this.diacritics = diacritics;
        }

        @Override
        protected TokenStreamComponents createComponents(String fieldName) {
            Tokenizer tokenizer = thai ? new ThaiTokenizer() : new ICUTokenizer();
            return new TokenStreamComponents(
                    tokenizer, diacritics ? new ICUFoldingFilter(tokenizer) : new ICUNormalizer2Filter(tokenizer));
        }
    }
}
