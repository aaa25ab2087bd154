package org.vitrine.search.lucene.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import org.apache.lucene.store.FSDirectory;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.vitrine.api.search.SearchDocument;
import org.vitrine.api.search.SearchHits;
import org.vitrine.api.search.SearchRequest;

class LuceneIndexTest {

    @TempDir
    Path folder;
    private LuceneIndex index;

    @BeforeEach
    void open() throws IOException {
        index = new LuceneIndex(FSDirectory.open(folder));
        index.put(List.of(
                doc(1, "Ball bearings housing", null, List.of("mechanics"), List.of("Outer ring"), "Ada Lovelace"),
                doc(2, "Planetary gearbox", "A compact reduction stage", List.of("printing"), List.of("Sun gear"), "Grace Hopper"),
                doc(3, "Desk lamp", "Uses two bearings", List.of("lighting"), List.of("Arm"), "Ada Lovelace"),
                doc(4, "Drone frame", null, List.of("quadcopter", "carbon"), List.of("Motor mount"), "Linus Zürich"),
                doc(5, "Bracket", "Mounts a bearing to the drone frame", List.of(), List.of("Flange"), "Grace Hopper")), true);
    }

    @AfterEach
    void close() throws IOException {
        index.close();
    }

    private static SearchDocument doc(long id, String name, String description, List<String> tags,
                                      List<String> elements, String designer) {
        return new SearchDocument(id, name, description, "onshape", id % 2 == 0 ? "MIT" : "CC-BY-4.0", tags, elements,
                List.of(id * 10), List.of(designer));
    }

    private List<Long> ids(String text) throws IOException {
        return search(new SearchRequest(text, null, null, null, null, 0, 24, 1000)).ids();
    }

    private SearchHits search(SearchRequest request) throws IOException {
        return index.search(request);
    }

    @Test
    void a_word_finds_longer_words_it_starts() throws IOException {
        assertTrue(ids("gear").contains(2L), "gear finds gearbox");
        assertTrue(ids("bear").containsAll(List.of(1L, 3L, 5L)), "bear finds bearings and bearing");
    }

    @Test
    void designer_element_and_tag_names_are_searched() throws IOException {
        assertEquals(List.of(1L, 3L), sorted(ids("lovelace")));
        assertEquals(List.of(4L), ids("motor"));
        assertEquals(List.of(4L), ids("quadcopter"));
        assertEquals(List.of(4L), ids("zurich"), "accents are folded");
    }

    @Test
    void a_match_in_the_name_ranks_above_one_in_the_description() throws IOException {
        List<Long> found = ids("bearings");
        assertEquals(1L, found.get(0), "the document named after bearings comes first: " + found);
        assertTrue(found.indexOf(1L) < found.indexOf(3L));
        List<Long> drone = ids("drone frame");
        assertEquals(List.of(4L, 5L), drone);
    }

    @Test
    void every_word_must_match() throws IOException {
        assertEquals(List.of(5L), ids("bracket drone"));
        assertEquals(List.of(), ids("bracket lamp"));
    }

    @Test
    void a_typo_in_a_long_word_of_the_name_still_finds_it() throws IOException {
        assertEquals(List.of(2L), ids("planetery"));
    }

    @Test
    void filters_narrow_the_hits() throws IOException {
        assertEquals(List.of(3L), search(new SearchRequest("bearings", null, null, "cc-by-4.0", "lighting", 0, 24, 1000)).ids());
        assertEquals(List.of(5L), search(new SearchRequest("bear", null, 50L, null, null, 0, 24, 1000)).ids());
        assertEquals(List.of(), search(new SearchRequest("bear", "other", null, null, null, 0, 24, 1000)).ids());
    }

    @Test
    void a_removed_or_replaced_document_is_searched_as_it_is_now() throws IOException {
        index.remove(List.of(3L));
        assertFalse(ids("lamp").contains(3L));
        index.put(List.of(doc(2, "Worm drive", null, List.of(), List.of(), "Grace Hopper")), true);
        assertEquals(List.of(), ids("planetary"));
        assertEquals(List.of(2L), ids("worm"));
    }

    @Test
    void the_total_is_exact_up_to_the_bound_then_a_lower_bound() throws IOException {
        List<SearchDocument> many = new ArrayList<>();
        for (long id = 100; id < 400; id++) {
            many.add(doc(id, "Hinge " + id, null, List.of(), List.of(), "Ada Lovelace"));
        }
        index.put(many, true);
        SearchHits exact = search(new SearchRequest("hinge", null, null, null, null, 0, 10, 1000));
        assertEquals(300, exact.total());
        assertFalse(exact.totalIsLowerBound());
        SearchHits bounded = search(new SearchRequest("hinge", null, null, null, null, 0, 10, 50));
        assertEquals(50, bounded.total());
        assertTrue(bounded.totalIsLowerBound());
        assertEquals(10, bounded.ids().size());
        SearchHits page = search(new SearchRequest("hinge", null, null, null, null, 290, 24, 50));
        assertEquals(10, page.ids().size(), "the last page holds the rest");
    }

    @Test
    void the_fingerprint_is_kept_with_a_commit_and_cleared_by_a_rebuild() throws IOException {
        assertNull(index.fingerprint());
        index.commit("7/28/x");
        index.close();
        index = new LuceneIndex(FSDirectory.open(folder));
        assertEquals("7/28/x", index.fingerprint());
        assertEquals(5, index.size());
        index.clear();
        assertNull(index.fingerprint());
        assertEquals(0, index.size());
    }

    private static List<Long> sorted(List<Long> ids) {
        return ids.stream().sorted().toList();
    }
}
