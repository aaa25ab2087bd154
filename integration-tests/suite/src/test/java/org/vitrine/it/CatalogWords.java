package org.vitrine.it;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Random;

/**
 * Words for generated catalog text, read from {@code catalog/words.txt} (most frequent first) and drawn with a
 * Zipf-Mandelbrot law: word k comes up in proportion to 1/(k + 20), so the first words are in most documents and the
 * last ones in few, as in a real catalogue.
 */
final class CatalogWords {

    /** Flattens the head of the law: the most frequent word is in about a third of the documents, not in all. */
    private static final int SHIFT = 20;
    private final List<String> words;
    private final double[] cumulative;

    private CatalogWords(List<String> words) {
        this.words = List.copyOf(words);
        this.cumulative = new double[words.size()];
        double sum = 0;
        for (int k = 0; k < words.size(); k++) {
            sum += 1.0 / (k + 1 + SHIFT);
            cumulative[k] = sum;
        }
        for (int k = 0; k < cumulative.length; k++) {
            cumulative[k] /= sum;
        }
    }

    static CatalogWords load() throws IOException {
        return new CatalogWords(List.copyOf(new LinkedHashSet<>(lines("catalog/words.txt"))));
    }

    /** The non-comment lines of a resource; a blank line is kept as "" so it can split blocks. */
    static List<String> lines(String resource) throws IOException {
        try (InputStream in = CatalogWords.class.getClassLoader().getResourceAsStream(resource)) {
            if (in == null) {
                throw new IOException("missing test resource " + resource);
            }
            List<String> lines = new ArrayList<>();
            for (String line : new String(in.readAllBytes(), StandardCharsets.UTF_8).split("\n")) {
                if (!line.startsWith("#")) {
                    lines.add(line.strip());
                }
            }
            return lines;
        }
    }

    /** The word of the given frequency rank (0 is the most frequent). */
    String rank(int k) {
        return words.get(k);
    }

    int size() {
        return words.size();
    }

    String draw(Random random) {
        double u = random.nextDouble();
        int lo = 0;
        int hi = cumulative.length - 1;
        while (lo < hi) {
            int mid = (lo + hi) >>> 1;
            if (cumulative[mid] < u) {
                lo = mid + 1;
            } else {
                hi = mid;
            }
        }
        return words.get(lo);
    }

    /** {@code count} drawn words joined by spaces. */
    String phrase(Random random, int count) {
        StringBuilder text = new StringBuilder();
        for (int i = 0; i < count; i++) {
            text.append(i == 0 ? "" : " ").append(draw(random));
        }
        return text.toString();
    }

    static String capitalised(String text) {
        return text.isEmpty() ? text : Character.toUpperCase(text.charAt(0)) + text.substring(1);
    }
}
