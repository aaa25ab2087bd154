package org.vitrine.launcher;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

class DatabaseDumpTest {

    @Test
    void values_are_quoted_so_that_each_statement_stays_on_one_line() {
        StringBuilder sql = new StringBuilder();
        DatabaseDump.appendQuoted(sql, "it's a\nmulti\\line\r\u0000value\u001a");
        assertEquals("'it\\'s a\\nmulti\\\\line\\r\\0value\\Z'", sql.toString());
        assertEquals("`odd``name`", DatabaseDump.quoteName("odd`name"));
    }
}
