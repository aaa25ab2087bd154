package org.vitrine.features;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class FeatureFilesTest {

    @TempDir
    Path dir;

    @Test
    void a_feature_file_gives_the_module_its_bundles_settings_and_rules() throws IOException {
        Files.writeString(dir.resolve("consent-gdpr.json"), """
                {"feature-resource-version": "1.0", "id": "org.vitrine:consent-gdpr:osgifeature:1.2.0",
                 "name": "GDPR consent", "description": "Opt-in consent",
                 "bundles": [{"id": "org.vitrine:vitrine-consent-gdpr:1.2.0", "start-order": 4}, "org.x:lib:2.0"],
                 "configurations": {"org.vitrine.consent.gdpr": {"version": 3, "strict": true}},
                 "extensions": {"vitrine": {"kind": "mandatory", "type": "json", "json":
                   {"module": "consent-gdpr", "category": "consent", "required": true, "exclusiveGroup": "consent",
                    "configPid": "org.vitrine.consent.gdpr"}}}}
                """);
        Feature f = new FeatureReader().readAll(dir).get(0);
        assertEquals("consent-gdpr", f.moduleId());
        assertEquals("1.2.0", f.version());
        assertEquals("consent", f.exclusiveGroup());
        assertTrue(f.required());
        assertEquals(2, f.bundles().size());
        assertEquals(4, f.bundles().get(0).startOrder());
        assertEquals("org/x/lib/2.0/lib-2.0.jar", f.bundles().get(1).repositoryPath());
        assertEquals(Map.of("version", 3L, "strict", true), f.configurations().get("org.vitrine.consent.gdpr"));
    }

    @Test
    void a_broken_feature_file_is_reported_with_its_name_and_field() throws IOException {
        Files.writeString(dir.resolve("bad.json"), "{\"id\": \"a:b:1\", \"extensions\": {}}");
        IOException e = assertThrows(IOException.class, () -> new FeatureReader().readAll(dir));
        assertTrue(e.getMessage().contains("bad.json") && e.getMessage().contains("extensions.vitrine.json.module"), e.getMessage());
        Files.writeString(dir.resolve("bad.json"), "{ not json");
        e = assertThrows(IOException.class, () -> new FeatureReader().readAll(dir));
        assertTrue(e.getMessage().contains("not valid JSON"), e.getMessage());
    }

    @Test
    void the_state_file_keeps_other_lines_and_refuses_unknown_states() throws IOException {
        ModuleStateFile states = new ModuleStateFile(dir);
        assertEquals(Map.of(), states.read());
        states.write(Map.of("echo", false, "blobs-fs", true));
        states.write(Map.of("echo", true));
        assertEquals(Map.of("echo", true, "blobs-fs", true), states.read());
        assertTrue(Files.readString(states.path()).startsWith("# Which Vitrine modules are on"));

        Files.writeString(states.path(), "echo = maybe\n");
        IOException e = assertThrows(IOException.class, states::read);
        assertTrue(e.getMessage().contains("'echo'") && e.getMessage().contains("maybe"), e.getMessage());
    }
}
