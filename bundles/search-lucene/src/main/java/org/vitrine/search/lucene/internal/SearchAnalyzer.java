package org.vitrine.search.lucene.internal;

import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.analysis.LowerCaseFilter;
import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.core.FlattenGraphFilter;
import org.apache.lucene.analysis.miscellaneous.ASCIIFoldingFilter;
import org.apache.lucene.analysis.miscellaneous.WordDelimiterGraphFilter;
import org.apache.lucene.analysis.standard.StandardTokenizer;

/**
 * How names and texts become words, the same when indexing and when searching: Unicode word boundaries, lower
 * case, accents folded ({@code Zürich} finds {@code Zurich}), and words split where letters meet digits or case
 * changes ({@code GearBox2} is found as {@code gear}, {@code box}, {@code 2} and as {@code gearbox2}).
 */
final class SearchAnalyzer extends Analyzer {

    private static final int SPLIT = WordDelimiterGraphFilter.GENERATE_WORD_PARTS
            | WordDelimiterGraphFilter.GENERATE_NUMBER_PARTS | WordDelimiterGraphFilter.SPLIT_ON_CASE_CHANGE
            | WordDelimiterGraphFilter.SPLIT_ON_NUMERICS | WordDelimiterGraphFilter.PRESERVE_ORIGINAL;

    private final boolean splitWords;

    /** @param splitWords true when indexing; a search keeps each typed word whole */
    SearchAnalyzer(boolean splitWords) {
        this.splitWords = splitWords;
    }

    @Override
    protected TokenStreamComponents createComponents(String fieldName) {
        StandardTokenizer tokenizer = new StandardTokenizer();
        // an index takes no token graphs: the split words are flattened beside the whole one
        TokenStream words = splitWords ? new FlattenGraphFilter(new WordDelimiterGraphFilter(tokenizer, SPLIT, null)) : tokenizer;
        return new TokenStreamComponents(tokenizer, new ASCIIFoldingFilter(new LowerCaseFilter(words)));
    }
}
