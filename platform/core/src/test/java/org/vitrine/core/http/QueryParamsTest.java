package org.vitrine.core.http;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import org.vitrine.api.problem.DomainException;

class QueryParamsTest {

    @Test
    void blank_text_is_absent_and_text_is_stripped() {
        assertNull(QueryParams.text("q", "   ", 10));
        assertNull(QueryParams.text("q", null, 10));
        assertEquals("gear", QueryParams.text("q", " gear ", 10));
    }

    @Test
    void refusals_name_the_parameter_and_are_bad_requests() {
        DomainException tooLong = assertThrows(DomainException.class, () -> QueryParams.text("tag", "x".repeat(11), 10));
        assertEquals(DomainException.Kind.BAD_REQUEST, tooLong.kind());
        assertTrue(tooLong.getMessage().contains("'tag'"), tooLong.getMessage());
        for (String bad : new String[] {"x", "", "1.5", "0", "101", "99999999999999999999"}) {
            DomainException e = assertThrows(DomainException.class, () -> QueryParams.number("size", bad, 1, 100), bad);
            assertEquals(DomainException.Kind.BAD_REQUEST, e.kind());
            assertTrue(e.getMessage().contains("'size'") && e.getMessage().contains("1 to 100"), e.getMessage());
        }
    }

    @Test
    void optional_numbers_are_absent_when_blank_and_checked_otherwise() {
        assertNull(QueryParams.optionalNumber("designer", null, 1, Long.MAX_VALUE));
        assertNull(QueryParams.optionalNumber("designer", " ", 1, Long.MAX_VALUE));
        assertEquals(42L, QueryParams.optionalNumber("designer", "42", 1, Long.MAX_VALUE));
        assertThrows(DomainException.class, () -> QueryParams.optionalNumber("designer", "-1", 1, Long.MAX_VALUE));
    }

    @Test
    void a_path_id_that_is_no_positive_number_is_simply_not_found() {
        assertEquals(7, QueryParams.pathId("7", "none"));
        for (String bad : new String[] {"x", "0", "-3", ""}) {
            DomainException e = assertThrows(DomainException.class, () -> QueryParams.pathId(bad, "There is no such thing."));
            assertEquals(DomainException.Kind.NOT_FOUND, e.kind());
        }
    }
}
