package org.vitrine.core.config;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.util.List;

import org.junit.jupiter.api.Test;

class DeclaredSettingTest {

    private static DeclaredSetting of(String type) {
        return new DeclaredSetting("k", type, List.of());
    }

    @Test
    void whole_numbers_must_be_whole_and_fit_their_type() {
        assertNull(of("Integer").problemWith(" 30 "));
        assertNull(of("Integer").problemWith("-5"));
        assertEquals("is not a whole number", of("Integer").problemWith("thirty"));
        assertEquals("is not a whole number", of("Integer").problemWith("2.5"));
        assertEquals("is not a whole number", of("Integer").problemWith(""));
        assertEquals("is out of range (-2147483648 to 2147483647)", of("Integer").problemWith("3000000000"));
        assertNull(of("Long").problemWith("3000000000"));
        assertEquals("is not a whole number", of("Long").problemWith("99999999999999999999"));
        assertEquals("is out of range (-32768 to 32767)", of("Short").problemWith("40000"));
        assertEquals("is out of range (-128 to 127)", of("Byte").problemWith("128"));
    }

    @Test
    void decimals_booleans_and_characters_are_checked() {
        assertNull(of("Double").problemWith("0.5"));
        assertNull(of("Float").problemWith("3"));
        assertEquals("is not a number", of("Double").problemWith("half"));
        assertEquals("is not a number", of("Double").problemWith("NaN"));
        assertEquals("is not a number", of("Double").problemWith("0x1p3"));
        assertNull(of("Boolean").problemWith("TRUE"));
        assertNull(of("Boolean").problemWith("false"));
        assertEquals("is neither true nor false", of("Boolean").problemWith("yes"));
        assertNull(of("Char").problemWith("x"));
        assertEquals("is not a single character", of("Char").problemWith("xy"));
    }

    @Test
    void text_takes_anything_unless_it_is_limited_to_options() {
        assertNull(of("String").problemWith("anything at all"));
        assertNull(of("Password").problemWith(""));
        DeclaredSetting security = new DeclaredSetting("smtp.security", "String", List.of("starttls", "tls", "none"));
        assertNull(security.problemWith("tls"));
        assertEquals("is not one of starttls, tls, none", security.problemWith("ssl"));
        DeclaredSetting level = new DeclaredSetting("level", "Integer", List.of("1", "2"));
        assertEquals("is not a whole number", level.problemWith("one"), "the type is checked before the options");
        assertEquals("is not one of 1, 2", level.problemWith("3"));
    }
}
