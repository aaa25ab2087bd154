package org.vitrine.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** Bad settings stop start-up with a message naming where the value came from and the key; nothing starts. */
@Timeout(300)
class ConfigurationTest {

    @Test
    void a_malformed_port_in_the_file_stops_start_up_naming_the_file_and_key() throws Exception {
        VitrineInstance vitrine = track(VitrineInstance.fresh("config-port"));
        Path file = vitrine.home.resolve("config/vitrine.properties");
        Files.writeString(file, Files.readString(file).replace("port = 8080", "port = eighty"));
        VitrineInstance.CommandResult run = vitrine.env("VITRINE_PORT", "").command("run");
        assertEquals(2, run.exitCode(), run.output());
        assertTrue(run.output().contains("vitrine.properties: key 'port'"), run.output());
        assertTrue(run.output().contains("'eighty' is not a port number"), run.output());
        assertFalse(run.output().contains("\tat "), "a message, not a stack trace");
        assertFalse(Files.exists(vitrine.home.resolve("data/db")), "nothing was started");
    }

    @Test
    void a_malformed_value_from_the_environment_names_the_variable() throws Exception {
        VitrineInstance vitrine = track(VitrineInstance.fresh("config-env"));
        VitrineInstance.CommandResult run = vitrine.env("VITRINE_PUBLIC_URL", "designs.example.org").command("run");
        assertEquals(2, run.exitCode(), run.output());
        assertTrue(run.output().contains("VITRINE_PUBLIC_URL"), run.output());
        assertTrue(run.output().contains("not an absolute http(s) URL"), run.output());
    }

    @Test
    void a_malformed_trusted_proxy_stops_start_up_naming_the_entry() throws Exception {
        VitrineInstance vitrine = track(VitrineInstance.fresh("config-proxies"));
        vitrine.setting("vitrine.properties", "trusted.proxies", "10.0.0.0/8, proxy.internal");
        VitrineInstance.CommandResult run = vitrine.command("run");
        assertEquals(2, run.exitCode(), run.output());
        assertTrue(run.output().contains("vitrine.properties: key 'trusted.proxies': 'proxy.internal' is not an IP address"),
                run.output());
        assertFalse(Files.exists(vitrine.home.resolve("data/db")), "nothing was started");
    }

    @Test
    void a_reference_to_an_unset_environment_variable_is_refused() throws Exception {
        VitrineInstance vitrine = track(VitrineInstance.fresh("config-unset"));
        append(vitrine, "db.url = jdbc:mariadb://127.0.0.1:3306/vitrine\ndb.user = vitrine\n"
                + "db.password = ${env:VITRINE_IT_SURELY_UNSET_PASSWORD}\n");
        VitrineInstance.CommandResult run = vitrine.env("VITRINE_DB_URL", "").env("VITRINE_DB_USER", "")
                .env("VITRINE_DB_PASSWORD", "").command("run");
        assertEquals(2, run.exitCode(), run.output());
        assertTrue(run.output().contains("key 'db.password'"), run.output());
        assertTrue(run.output().contains("VITRINE_IT_SURELY_UNSET_PASSWORD"), run.output());
    }

    @Test
    void unknown_keys_and_short_admin_tokens_are_refused() throws Exception {
        VitrineInstance typo = track(VitrineInstance.fresh("config-typo"));
        append(typo, "db.pasword = oops\n");
        VitrineInstance.CommandResult run = typo.command("run");
        assertEquals(2, run.exitCode(), run.output());
        assertTrue(run.output().contains("key 'db.pasword': unknown key"), run.output());

        VitrineInstance twice = track(VitrineInstance.fresh("config-twice"));
        append(twice, "bind.address = 0.0.0.0\n");
        VitrineInstance.CommandResult twiceRun = twice.command("run");
        assertEquals(2, twiceRun.exitCode(), twiceRun.output());
        assertTrue(twiceRun.output().contains("key 'bind.address': is set 2 times"), twiceRun.output());

        VitrineInstance weak = track(VitrineInstance.fresh("config-token"));
        VitrineInstance.CommandResult weakRun = weak.env("VITRINE_ADMIN_TOKEN", "secret").command("run");
        assertEquals(2, weakRun.exitCode(), weakRun.output());
        assertTrue(weakRun.output().contains("VITRINE_ADMIN_TOKEN") && weakRun.output().contains("too short"), weakRun.output());
    }

    @Test
    void without_a_running_platform_the_command_line_edits_the_state_file_with_the_same_guardrails() throws Exception {
        VitrineInstance vitrine = track(VitrineInstance.fresh("config-cli"));
        VitrineInstance.CommandResult list = vitrine.command("modules", "list");
        assertEquals(0, list.exitCode(), list.output());
        assertTrue(list.output().contains("not running"), list.output());
        assertTrue(list.output().lines().anyMatch(l -> l.startsWith("store-mariadb") && l.contains("enabled")), list.output());

        // the suite's installations start with the search module off, so the state file exists: it must stay as it is
        Path state = vitrine.home.resolve("config/modules.properties");
        String before = Files.exists(state) ? Files.readString(state) : null;
        VitrineInstance.CommandResult refused = vitrine.command("modules", "disable", "store-mariadb");
        assertNotEquals(0, refused.exitCode());
        assertTrue(refused.output().contains("required"), refused.output());
        assertEquals(before, Files.exists(state) ? Files.readString(state) : null, "nothing written");

        VitrineInstance.CommandResult unknown = vitrine.command("modules", "enable", "nope");
        assertNotEquals(0, unknown.exitCode());
        assertTrue(unknown.output().contains("There is no module 'nope'"), unknown.output());
    }

    private final List<VitrineInstance> instances = new ArrayList<>();

    private VitrineInstance track(VitrineInstance instance) {
        instances.add(instance);
        return instance;
    }

    @AfterEach
    void sweep() throws Exception {
        for (VitrineInstance instance : instances) {
            instance.close();
        }
    }

    private static void append(VitrineInstance vitrine, String lines) throws Exception {
        Path file = vitrine.home.resolve("config/vitrine.properties");
        Files.writeString(file, Files.readString(file) + "\n" + lines);
    }
}
