package org.vitrine.search.lucene.internal;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.tokenattributes.CharTermAttribute;
import org.apache.lucene.index.Term;
import org.apache.lucene.search.BooleanClause.Occur;
import org.apache.lucene.search.BooleanQuery;
import org.apache.lucene.search.BoostQuery;
import org.apache.lucene.search.FuzzyQuery;
import org.apache.lucene.search.MatchNoDocsQuery;
import org.apache.lucene.search.PrefixQuery;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.TermQuery;
import org.vitrine.api.search.SearchRequest;

/**
 * A person's words as a Lucene query. Every word must match somewhere: in the name (weighted most), the tags, the
 * element names, the designers' names or the description, as a whole word or as the start of a longer one
 * ({@code bear} finds {@code bearings}); a whole word scores above a prefix. Words of five letters or more also
 * match names one typo away. The catalog's filters narrow the hits without changing their scores.
 */
final class TextQuery {

    /** Field weights: the name first. */
    static final Map<String, Float> WEIGHTS = Map.of(IndexedFields.NAME, 8f, IndexedFields.TAGS, 4f,
            IndexedFields.ELEMENTS, 3f, IndexedFields.DESIGNERS, 3f, IndexedFields.DESCRIPTION, 1f);
    static final int MAX_WORDS = 12;
    private static final float PREFIX_SHARE = 0.5f;
    private static final int MIN_PREFIX = 2;
    private static final int MIN_FUZZY = 5;

    private TextQuery() {
    }

    static Query of(SearchRequest request, Analyzer analyzer) {
        List<String> words = words(request.text(), analyzer);
        if (words.isEmpty()) {
            return new MatchNoDocsQuery("no words");
        }
        BooleanQuery.Builder query = new BooleanQuery.Builder();
        for (String word : words) {
            query.add(word(word), Occur.MUST);
        }
        filter(query, IndexedFields.PROVIDER, request.provider());
        filter(query, IndexedFields.LICENCE, request.licence());
        filter(query, IndexedFields.TAG, request.tag());
        if (request.designer() != null) {
            query.add(new TermQuery(new Term(IndexedFields.DESIGNER, request.designer().toString())), Occur.FILTER);
        }
        return query.build();
    }

    private static Query word(String word) {
        BooleanQuery.Builder any = new BooleanQuery.Builder();
        WEIGHTS.forEach((field, weight) -> {
            any.add(new BoostQuery(new TermQuery(new Term(field, word)), weight), Occur.SHOULD);
            if (word.length() >= MIN_PREFIX) {
                any.add(new BoostQuery(new PrefixQuery(new Term(field, word)), weight * PREFIX_SHARE), Occur.SHOULD);
            }
        });
        if (word.length() >= MIN_FUZZY) {
            any.add(new BoostQuery(new FuzzyQuery(new Term(IndexedFields.NAME, word), 1, 1),
                    WEIGHTS.get(IndexedFields.NAME) * PREFIX_SHARE), Occur.SHOULD);
        }
        return any.build();
    }

    private static void filter(BooleanQuery.Builder query, String field, String value) {
        if (value != null) {
            query.add(new TermQuery(new Term(field, IndexedFields.exact(value))), Occur.FILTER);
        }
    }

    /** The distinct words of the text, at most {@link #MAX_WORDS}. */
    static List<String> words(String text, Analyzer analyzer) {
        Set<String> words = new LinkedHashSet<>();
        try (TokenStream tokens = analyzer.tokenStream(IndexedFields.NAME, text)) {
            CharTermAttribute term = tokens.addAttribute(CharTermAttribute.class);
            tokens.reset();
            while (tokens.incrementToken() && words.size() < MAX_WORDS) {
                words.add(term.toString());
            }
            tokens.end();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return new ArrayList<>(words);
    }
}
