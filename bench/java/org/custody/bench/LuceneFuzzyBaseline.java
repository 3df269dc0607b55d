package org.custody.bench;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.analysis.LowerCaseFilter;
import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.Tokenizer;
import org.apache.lucene.analysis.miscellaneous.ASCIIFoldingFilter;
import org.apache.lucene.analysis.standard.StandardTokenizer;
import org.apache.lucene.analysis.tokenattributes.CharTermAttribute;
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
import org.apache.lucene.search.FuzzyQuery;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.ScoreDoc;
import org.apache.lucene.store.ByteBuffersDirectory;
import org.custody.lists.Alias;
import org.custody.lists.ListEntity;

/**
 * What a search-engine user would build for name screening, as Elasticsearch's fuzzy {@code match} query
 * does it: one document per listed name and alias, analysed by the standard tokenizer, lower case and
 * ASCII folding; a query is analysed the same way and each of its terms becomes a {@link FuzzyQuery}
 * with AUTO fuzziness (0 edits up to 2 characters, 1 up to 5, 2 beyond; transpositions count as one),
 * OR-ed together and ranked by BM25; hits are collapsed per entity (its best-scoring name).
 */
final class LuceneFuzzyBaseline {

    record Ranked(int entity, float score) { }

    private final Analyzer analyzer = new Analyzer() {
        @Override
        protected TokenStreamComponents createComponents(String field) {
            Tokenizer t = new StandardTokenizer();
            TokenStream s = new ASCIIFoldingFilter(new LowerCaseFilter(t));
            return new TokenStreamComponents(t, s);
        }
    };
    private final IndexSearcher searcher;
    private final int[] docEntity;

    LuceneFuzzyBaseline(List<ListEntity> entities) {
        try {
            ByteBuffersDirectory dir = new ByteBuffersDirectory();
            List<Integer> docs = new ArrayList<>();
            try (IndexWriter w = new IndexWriter(dir, new IndexWriterConfig(analyzer))) {
                for (int e = 0; e < entities.size(); e++) {
                    for (Alias a : entities.get(e).allNames()) {
                        Document d = new Document();
                        d.add(new TextField("name", a.name(), Field.Store.NO));
                        d.add(new StoredField("entity", e));
                        w.addDocument(d);
                        docs.add(e);
                    }
                }
                w.forceMerge(1);
            }
            docEntity = docs.stream().mapToInt(Integer::intValue).toArray();
            searcher = new IndexSearcher(DirectoryReader.open(dir));
        } catch (IOException ex) {
            throw new UncheckedIOException(ex);
        }
    }

    /** AUTO fuzziness as Elasticsearch defines it. */
    static int autoFuzziness(String term) {
        int n = term.codePointCount(0, term.length());
        return n <= 2 ? 0 : n <= 5 ? 1 : 2;
    }

    List<String> terms(String text) {
        List<String> out = new ArrayList<>();
        try (TokenStream ts = analyzer.tokenStream("name", text)) {
            CharTermAttribute term = ts.addAttribute(CharTermAttribute.class);
            ts.reset();
            while (ts.incrementToken()) out.add(term.toString());
            ts.end();
        } catch (IOException ex) {
            throw new UncheckedIOException(ex);
        }
        return out;
    }

    /** The best {@code k} entities for a query (documents are in entity order, so the doc id names the entity). */
    List<Ranked> top(String query, int k) {
        BooleanQuery.Builder b = new BooleanQuery.Builder();
        List<String> ts = terms(query);
        if (ts.isEmpty()) return List.of();
        for (String t : ts) {
            b.add(new FuzzyQuery(new Term("name", t), autoFuzziness(t), 0, 50, true), BooleanClause.Occur.SHOULD);
        }
        try {
            ScoreDoc[] hits = searcher.search(b.build(), k * 5).scoreDocs;
            Map<Integer, Float> best = new LinkedHashMap<>();
            for (ScoreDoc h : hits) {
                best.putIfAbsent(docEntity[h.doc], h.score);
                if (best.size() == k) break;
            }
            List<Ranked> out = new ArrayList<>(best.size());
            best.forEach((e, s) -> out.add(new Ranked(e, s)));
            return out;
        } catch (IOException ex) {
            throw new UncheckedIOException(ex);
        }
    }
}
