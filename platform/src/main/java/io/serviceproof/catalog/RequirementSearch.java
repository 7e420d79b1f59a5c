package io.serviceproof.catalog;

import io.serviceproof.identity.Tenancy;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.cjk.CJKBigramFilter;
import org.apache.lucene.analysis.cjk.CJKWidthFilter;
import org.apache.lucene.analysis.core.LowerCaseFilter;
import org.apache.lucene.analysis.en.PorterStemFilter;
import org.apache.lucene.analysis.standard.StandardTokenizer;
import org.apache.lucene.analysis.tokenattributes.CharTermAttribute;
import org.apache.lucene.document.Document;
import org.apache.lucene.document.Field;
import org.apache.lucene.document.StringField;
import org.apache.lucene.document.TextField;
import org.apache.lucene.index.DirectoryReader;
import org.apache.lucene.index.IndexWriter;
import org.apache.lucene.index.IndexWriterConfig;
import org.apache.lucene.index.Term;
import org.apache.lucene.search.BooleanClause;
import org.apache.lucene.search.BooleanQuery;
import org.apache.lucene.search.BoostQuery;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.PrefixQuery;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.ScoreDoc;
import org.apache.lucene.search.TermQuery;
import org.apache.lucene.store.ByteBuffersDirectory;
import org.springframework.stereotype.Component;

/**
 * Ranked full-text search over requirement ids and titles in English and Chinese (BM25). Chinese
 * text is indexed as overlapping character pairs, so "访问控制" finds "访问控制规则" without a
 * dictionary; English is stemmed. Each organisation's index lives in memory and is rebuilt when the
 * catalog's revision moves, so every application node answers from the database's current state.
 */
@Component
class RequirementSearch {

    /** Indexes kept at once; each is a few MB for 20,000 requirements. */
    private static final int CACHED_ORGANISATIONS = 32;

    private record Index(long revision, IndexSearcher searcher, Map<String, Requirement> requirements) {}

    private final Frameworks frameworks;
    private final CatalogState state;
    /** Indexes CJK text as bigrams and single characters, so one character typed alone still finds. */
    private final Analyzer analyzer = new BilingualAnalyzer(true);

    /**
     * Queries with bigrams only where the text has two or more CJK characters: "远程" must not match
     * every title containing "程" (流程, process).
     */
    private final Analyzer queryAnalyzer = new BilingualAnalyzer(false);

    private final Map<String, Index> indexes =
            java.util.Collections.synchronizedMap(new LinkedHashMap<>(16, 0.75f, true) {
                @Override
                protected boolean removeEldestEntry(Map.Entry<String, Index> eldest) {
                    return size() > CACHED_ORGANISATIONS;
                }
            });

    RequirementSearch(Frameworks frameworks, CatalogState state) {
        this.frameworks = frameworks;
        this.state = state;
    }

    List<SearchHit> search(String text, int limit) {
        if (text == null || text.isBlank()) {
            return List.of();
        }
        Index index = index();
        Map<String, Framework> frameworkById =
                frameworks.findAll().stream().collect(Collectors.toMap(Framework::id, Function.identity()));
        try {
            List<SearchHit> hits = new ArrayList<>();
            for (ScoreDoc doc : index.searcher().search(query(text.strip()), limit).scoreDocs) {
                String id = index.searcher().storedFields().document(doc.doc).get("id");
                Requirement requirement = index.requirements().get(id);
                hits.add(new SearchHit(requirement, frameworkById.get(requirement.frameworkId()), doc.score));
            }
            return hits;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private Query query(String text) {
        BooleanQuery.Builder query = new BooleanQuery.Builder();
        String ref = text.toLowerCase(java.util.Locale.ROOT);
        // A clause id typed as such ("A.5.23", "SR 2.8") ranks its requirement first.
        query.add(new BoostQuery(new TermQuery(new Term("ref", ref)), 20f), BooleanClause.Occur.SHOULD);
        query.add(new BoostQuery(new PrefixQuery(new Term("ref", ref)), 5f), BooleanClause.Occur.SHOULD);
        for (String field : List.of("title_en", "title_zh", "framework")) {
            float boost = field.equals("framework") ? 0.5f : 2f;
            for (String token : tokens(field, text)) {
                query.add(new BoostQuery(new TermQuery(new Term(field, token)), boost), BooleanClause.Occur.SHOULD);
            }
        }
        return query.build();
    }

    private List<String> tokens(String field, String text) {
        List<String> tokens = new ArrayList<>();
        try (TokenStream stream = queryAnalyzer.tokenStream(field, text)) {
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

    private Index index() {
        String organisation = Tenancy.organisationId().toString();
        long revision = state.revision();
        Index index = indexes.get(organisation);
        if (index == null || index.revision() != revision) {
            index = build(revision);
            indexes.put(organisation, index);
        }
        return index;
    }

    private Index build(long revision) {
        Map<String, Framework> frameworkById =
                frameworks.findAll().stream().collect(Collectors.toMap(Framework::id, Function.identity()));
        List<Requirement> requirements = frameworks.allRequirements();
        ByteBuffersDirectory directory = new ByteBuffersDirectory();
        try (IndexWriter writer = new IndexWriter(directory, new IndexWriterConfig(analyzer))) {
            for (Requirement requirement : requirements) {
                Framework framework = frameworkById.get(requirement.frameworkId());
                Document doc = new Document();
                doc.add(new StringField("id", requirement.id(), Field.Store.YES));
                doc.add(new StringField("ref", requirement.refId().toLowerCase(java.util.Locale.ROOT), Field.Store.NO));
                doc.add(new TextField("title_en", requirement.titleEn(), Field.Store.NO));
                doc.add(new TextField("title_zh", requirement.titleZh(), Field.Store.NO));
                doc.add(new TextField("framework", framework.name() + " " + framework.edition(), Field.Store.NO));
                writer.addDocument(doc);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        try {
            IndexSearcher searcher = new IndexSearcher(DirectoryReader.open(directory));
            return new Index(
                    revision,
                    searcher,
                    requirements.stream().collect(Collectors.toMap(Requirement::id, Function.identity())));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Standard tokens, full-width folding, lower case, CJK bigrams (with single characters when asked), stems. */
    static final class BilingualAnalyzer extends Analyzer {

        private final boolean unigrams;

        BilingualAnalyzer(boolean unigrams) {
            this.unigrams = unigrams;
        }

        @Override
        protected TokenStreamComponents createComponents(String fieldName) {
            StandardTokenizer tokenizer = new StandardTokenizer();
            TokenStream stream = new CJKWidthFilter(tokenizer);
            stream = new LowerCaseFilter(stream);
            stream = new CJKBigramFilter(
                    stream,
                    CJKBigramFilter.HAN | CJKBigramFilter.HIRAGANA | CJKBigramFilter.KATAKANA | CJKBigramFilter.HANGUL,
                    unigrams);
            stream = new PorterStemFilter(stream);
            return new TokenStreamComponents(tokenizer, stream);
        }
    }
}
