package io.serviceproof.tender;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.apache.lucene.document.Document;
import org.apache.lucene.document.Field;
import org.apache.lucene.document.StoredField;
import org.apache.lucene.document.TextField;
import org.apache.lucene.index.DirectoryReader;
import org.apache.lucene.index.IndexWriter;
import org.apache.lucene.index.IndexWriterConfig;
import org.apache.lucene.index.Term;
import org.apache.lucene.search.BooleanClause;
import org.apache.lucene.search.BooleanQuery;
import org.apache.lucene.search.BoostQuery;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.ScoreDoc;
import org.apache.lucene.search.TermQuery;
import org.apache.lucene.store.ByteBuffersDirectory;

/**
 * Everything an organisation holds that may answer a clause, in an in-memory Lucene index (English,
 * Chinese, folded and framework fields, as Analysis reads them), searched by what a clause asks.
 */
final class AnswerableIndex {

    /** Candidates taken per clause, before the matcher's boosts and floor. */
    private static final int CANDIDATES = 40;
    /** Lucene's clause limit is 1,024; a pasted page of text stays well under it. */
    private static final int MAX_TERMS = 400;

    /** One candidate and its BM25 score. */
    record Hit(Answerable answerable, double score) {}

    private final Knowledge.Snapshot snapshot;
    private final IndexSearcher searcher;

    AnswerableIndex(Analysis analysis, Knowledge.Snapshot snapshot) {
        this.snapshot = snapshot;
        this.searcher = index(analysis, snapshot.answerables());
    }

    private static IndexSearcher index(Analysis analysis, List<Answerable> answerables) {
        ByteBuffersDirectory directory = new ByteBuffersDirectory();
        try (IndexWriter writer = new IndexWriter(directory, new IndexWriterConfig(analysis.indexing()))) {
            for (Answerable a : answerables) {
                Document doc = new Document();
                doc.add(new StoredField("key", a.key()));
                doc.add(new TextField(Analysis.EN, a.english(), Field.Store.NO));
                doc.add(new TextField(Analysis.ZH, a.chinese(), Field.Store.NO));
                doc.add(new TextField(Analysis.OTHER, a.other(), Field.Store.NO));
                doc.add(new TextField(Analysis.FRAMEWORK, a.framework(), Field.Store.NO));
                writer.addDocument(doc);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        try {
            return new IndexSearcher(DirectoryReader.open(directory));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The best candidates for a clause, by BM25 over its weighted terms and its glossary phrases. */
    List<Hit> search(ClauseQuery query) {
        BooleanQuery.Builder builder = new BooleanQuery.Builder();
        int count = 0;
        for (Map.Entry<String, Map<String, Float>> field : query.terms().entrySet()) {
            for (Map.Entry<String, Float> term : field.getValue().entrySet()) {
                if (count++ >= MAX_TERMS) {
                    break;
                }
                builder.add(
                        new BoostQuery(new TermQuery(new Term(field.getKey(), term.getKey())), term.getValue()),
                        BooleanClause.Occur.SHOULD);
            }
        }
        for (ClauseQuery.Phrase phrase : query.phrases()) {
            if (phrase.words().isEmpty() || count++ >= MAX_TERMS) {
                continue;
            }
            org.apache.lucene.search.Query q = phrase.words().size() == 1
                    ? new TermQuery(new Term(phrase.field(), phrase.words().get(0)))
                    : new org.apache.lucene.search.PhraseQuery(
                            1, phrase.field(), phrase.words().toArray(String[]::new));
            builder.add(new BoostQuery(q, phrase.boost()), BooleanClause.Occur.SHOULD);
        }
        if (count == 0) {
            return List.of();
        }
        try {
            List<Hit> hits = new ArrayList<>();
            for (ScoreDoc doc : searcher.search(builder.build(), CANDIDATES).scoreDocs) {
                hits.add(new Hit(answerable(doc.doc), doc.score));
            }
            return hits;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private Answerable answerable(int doc) {
        try {
            Document stored = searcher.storedFields().document(doc);
            return snapshot.byKey().get(stored.get("key"));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
