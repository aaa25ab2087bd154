package org.vitrine.launcher;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Properties;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SettingsLoaderTest {

    @TempDir
    Path home;

    private Settings load(String file, Map<String, String> env, Properties system) throws Exception {
        Path config = home.resolve("config");
        Files.createDirectories(config);
        Files.writeString(config.resolve("vitrine.properties"), file);
        return new SettingsLoader(home, config, env, system).load();
    }

    @Test
    void defaults_apply_when_nothing_is_set() throws Exception {
        Settings s = load("", Map.of(), new Properties());
        assertEquals(8080, s.port());
        assertEquals("127.0.0.1", s.bindAddress());
        assertEquals("http://localhost:8080", s.publicUrl().toString());
        assertTrue(s.embeddedDatabase());
        assertEquals(home.resolve("data"), s.layout().data());
        assertEquals("", s.adminToken());
    }

    @Test
    void the_stop_grace_period_and_the_database_restart_limits_have_defaults_and_are_checked() throws Exception {
        assertEquals(LifecycleSettings.DEFAULTS, load("", Map.of(), new Properties()).lifecycle());
        Settings s = load("stop.grace.seconds = 5\ndb.embedded.restart.max = 0\n",
                Map.of("VITRINE_DB_EMBEDDED_RESTART_WINDOW_MINUTES", "60"), new Properties());
        assertEquals(new LifecycleSettings(java.time.Duration.ofSeconds(5), 0, java.time.Duration.ofMinutes(60)), s.lifecycle());
        var e = assertThrows(InvalidSettingsException.class, () -> load("stop.grace.seconds = soon\n", Map.of(), new Properties()));
        assertTrue(e.getMessage().contains("key 'stop.grace.seconds': 'soon' is not a whole number from 0 to 3600"), e.getMessage());
        e = assertThrows(InvalidSettingsException.class, () -> load("", Map.of("VITRINE_DB_EMBEDDED_RESTART_MAX", "-1"), new Properties()));
        assertTrue(e.getMessage().contains("VITRINE_DB_EMBEDDED_RESTART_MAX"), e.getMessage());
    }

    @Test
    void system_properties_beat_the_environment_which_beats_the_file() throws Exception {
        Properties system = new Properties();
        system.setProperty("vitrine.port", "9001");
        Settings s = load("port = 9003\nbind.address = 0.0.0.0\n", Map.of("VITRINE_PORT", "9002"), system);
        assertEquals(9001, s.port());
        assertEquals("0.0.0.0", s.bindAddress());
        assertEquals(9002, load("port = 9003\n", Map.of("VITRINE_PORT", "9002"), new Properties()).port());
        assertEquals(9003, load("port = 9003\n", Map.of("VITRINE_PORT", ""), new Properties()).port());
    }

    @Test
    void file_values_may_refer_to_the_environment() throws Exception {
        String var = System.getenv().keySet().stream().filter(k -> k.equals("HOME") || k.equals("PATH")).findFirst().orElseThrow();
        Settings s = load("db.url = jdbc:mariadb://db:3306/vitrine\ndb.user = vitrine\ndb.password = ${env:" + var + "}\n",
                Map.of(), new Properties());
        assertEquals(System.getenv(var), s.dbPassword());
        assertTrue(s.toString().indexOf(System.getenv(var)) < 0, "settings never print the password");
    }

    @Test
    void each_bad_value_is_named_by_file_and_key() {
        var e = assertThrows(InvalidSettingsException.class, () -> load("port = 70000\n", Map.of(), new Properties()));
        assertTrue(e.getMessage().endsWith("vitrine.properties: key 'port': '70000' is not a port number (1 to 65535)"), e.getMessage());
        e = assertThrows(InvalidSettingsException.class, () -> load("db.url = postgres://x\n", Map.of(), new Properties()));
        assertTrue(e.getMessage().contains("key 'db.url'"), e.getMessage());
        e = assertThrows(InvalidSettingsException.class, () -> load("db.url = jdbc:mariadb://x/v\n", Map.of(), new Properties()));
        assertTrue(e.getMessage().contains("key 'db.user': is required"), e.getMessage());
        e = assertThrows(InvalidSettingsException.class, () -> load("", Map.of("VITRINE_BIND_ADDRESS", "not an address!"), new Properties()));
        assertTrue(e.getMessage().startsWith("environment variable VITRINE_BIND_ADDRESS"), e.getMessage());
        e = assertThrows(InvalidSettingsException.class, () -> load("admin.token = ${env:VITRINE_SURELY_UNSET_X}\n", Map.of(), new Properties()));
        assertTrue(e.getMessage().contains("key 'admin.token'") && e.getMessage().contains("not set"), e.getMessage());
    }

    @Test
    void trusted_proxies_are_nobody_by_default_and_a_list_of_addresses_and_blocks_when_set() throws Exception {
        Settings none = load("", Map.of(), new Properties());
        assertTrue(none.trustedProxies().isEmpty());
        assertEquals("x-forwarded", none.proxyHeaders());
        Settings some = load("trusted.proxies = 10.0.0.0/8, ::1\ntrusted.proxies.headers = Forwarded\n", Map.of(), new Properties());
        assertEquals("10.0.0.0/8,0:0:0:0:0:0:0:1/128", some.trustedProxies().toString());
        assertEquals("forwarded", some.proxyHeaders());
        assertEquals("127.0.0.1/32", load("", Map.of("VITRINE_TRUSTED_PROXIES", "127.0.0.1"), new Properties()).trustedProxies().toString());
    }

    @Test
    void a_malformed_trusted_proxy_stops_start_up_with_the_entry_named() {
        var e = assertThrows(InvalidSettingsException.class, () -> load("trusted.proxies = 10.0.0.1, proxy.local\n", Map.of(), new Properties()));
        assertTrue(e.getMessage().contains("key 'trusted.proxies': 'proxy.local' is not an IP address"), e.getMessage());
        e = assertThrows(InvalidSettingsException.class, () -> load("trusted.proxies = 10.0.0.0/40\n", Map.of(), new Properties()));
        assertTrue(e.getMessage().contains("'10.0.0.0/40'"), e.getMessage());
        e = assertThrows(InvalidSettingsException.class, () -> load("trusted.proxies.headers = x-real-ip\n", Map.of(), new Properties()));
        assertTrue(e.getMessage().contains("key 'trusted.proxies.headers': 'x-real-ip' is neither"), e.getMessage());
    }
}
