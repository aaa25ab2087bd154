package org.vitrine.store.mariadb.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class DatabaseTimeoutsTest {

    @Test
    void the_defaults_are_the_settings_defaults_and_answer_a_frozen_database_within_seconds() throws Exception {
        DatabaseTimeouts defaults = DatabaseTimeouts.DEFAULTS;
        assertEquals(defaultOf("db_connect_timeout_seconds"), defaults.connectSeconds());
        assertEquals(defaultOf("db_socket_timeout_seconds"), defaults.socketSeconds());
        assertEquals(defaultOf("db_statement_timeout_seconds"), defaults.statementSeconds());
        assertEquals(((Number) StoreSettings.class.getMethod("connection_timeout").getDefaultValue()).longValue(),
                defaults.poolWaitMillis());
        assertTrue(defaults.socketSeconds() <= 10, "a request on a silent connection is answered within seconds");
        assertTrue(defaults.poolWaitMillis() + defaults.validationMillis() <= 6000, "a request waiting for a connection too");
    }

    @Test
    void the_socket_timeout_must_exceed_the_statement_timeout() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> new DatabaseTimeouts(3, 5, 5, 3000));
        assertTrue(e.getMessage().contains("db.socket.timeout.seconds (5) must exceed db.statement.timeout.seconds (5)"), e.getMessage());
    }

    @Test
    void out_of_range_values_are_refused_naming_the_setting() {
        assertMessage("db.connect.timeout.seconds must be between 1 and 3600 seconds, was 0", () -> new DatabaseTimeouts(0, 8, 5, 3000));
        assertMessage("db.statement.timeout.seconds must be between 1 and 3600 seconds, was -1", () -> new DatabaseTimeouts(3, 8, -1, 3000));
        assertMessage("db.socket.timeout.seconds must be between 1 and 3600 seconds, was 3601", () -> new DatabaseTimeouts(3, 3601, 5, 3000));
        assertMessage("connection.timeout must be between 250 and 3600000 ms, was 100", () -> new DatabaseTimeouts(3, 8, 5, 100));
    }

    @Test
    void the_validation_check_is_a_second_at_most_and_a_third_of_the_pool_wait() {
        assertEquals(1000, new DatabaseTimeouts(3, 8, 5, 30_000).validationMillis());
        assertEquals(500, new DatabaseTimeouts(3, 8, 5, 1500).validationMillis());
        assertEquals(250, new DatabaseTimeouts(3, 8, 5, 300).validationMillis());
    }

    @Test
    void the_url_gets_the_timeouts_replacing_its_own_and_keeping_its_other_options() {
        DatabaseTimeouts t = new DatabaseTimeouts(3, 8, 5, 3000);
        assertEquals("jdbc:mariadb://db:3306/vitrine?connectTimeout=3000&socketTimeout=8000", t.applyTo("jdbc:mariadb://db:3306/vitrine"));
        assertEquals("jdbc:mariadb://db/vitrine?sslMode=verify-full&useCompression&connectTimeout=3000&socketTimeout=8000",
                t.applyTo("jdbc:mariadb://db/vitrine?socketTimeout=0&sslMode=verify-full&useCompression&CONNECTTIMEOUT=99"));
    }

    @Test
    void migrations_get_the_connect_timeout_and_no_socket_timeout() {
        assertEquals("jdbc:mariadb://db/vitrine?connectTimeout=3000&socketTimeout=0",
                new DatabaseTimeouts(3, 8, 5, 3000).applyToMigrations("jdbc:mariadb://db/vitrine?socketTimeout=8000"));
    }

    private static int defaultOf(String attribute) throws NoSuchMethodException {
        return (Integer) StoreSettings.class.getMethod(attribute).getDefaultValue();
    }

    private static void assertMessage(String expected, Runnable construction) {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, construction::run);
        assertEquals(expected, e.getMessage());
    }
}
