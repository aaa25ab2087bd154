package org.vitrine.web.internal;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;

class MalformedJsonDetailTest {

    public record Body(Boolean rightsConfirmed) {
    }

    @Test
    void a_value_of_the_wrong_kind_is_named_by_its_field_without_java_types() {
        String detail = detailOf("{\"rightsConfirmed\": [1]}");

        assertTrue(detail.startsWith("The request body is not valid JSON for this call"), detail);
        assertTrue(detail.contains("\"rightsConfirmed\""), detail);
        assertTrue(detail.contains("line 1"), detail);
        assertFalse(detail.contains("java.") || detail.contains("`") || detail.contains("Body"), detail);
    }

    @Test
    void broken_syntax_says_where_without_the_parser_text() {
        String detail = detailOf("{\"rightsConfirmed\": tru");

        assertTrue(detail.contains("not valid JSON") && detail.contains("line 1"), detail);
        assertFalse(detail.contains("Unrecognized token") || detail.contains("java."), detail);
    }

    private static String detailOf(String body) {
        try {
            new ObjectMapper().readValue(body, Body.class);
        } catch (JsonProcessingException e) {
            return ProblemMapper.malformedJson(e);
        }
        throw new AssertionError("accepted: " + body);
    }
}
