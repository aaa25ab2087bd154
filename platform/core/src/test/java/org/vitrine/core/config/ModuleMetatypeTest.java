package org.vitrine.core.config;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ModuleMetatypeTest {

    /** What bnd writes for an {@code @ObjectClassDefinition} designated for a PID. */
    private static final String METATYPE = """
            <?xml version="1.0" encoding="UTF-8"?>
            <metatype:MetaData xmlns:metatype="http://www.osgi.org/xmlns/metatype/v1.2.0">
              <OCD id="org.example.Settings" name="Example">
                <AD id="timeout.seconds" type="Integer" default="30"/>
                <AD id="mode" type="String" default="fast">
                  <Option label="Fast" value="fast"/>
                  <Option label="Safe" value="safe"/>
                </AD>
                <AD id="greeting" type="String"/>
              </OCD>
              <Designate pid="org.example">
                <Object ocdref="org.example.Settings"/>
              </Designate>
            </metatype:MetaData>
            """;

    @TempDir
    Path dir;

    @Test
    void reads_the_declared_types_of_a_pid_from_the_bundle_jar() throws Exception {
        Path jar = jar("module.jar", METATYPE);
        Map<String, DeclaredSetting> declared = new ModuleMetatype().declared(List.of(jar), "org.example");
        assertEquals(new DeclaredSetting("timeout.seconds", "Integer", List.of()), declared.get("timeout.seconds"));
        assertEquals(List.of("fast", "safe"), declared.get("mode").options());
        assertEquals("String", declared.get("greeting").type());
        assertEquals(Map.of(), new ModuleMetatype().declared(List.of(jar), "org.other"));
        assertEquals(Map.of(), new ModuleMetatype().declared(List.of(dir.resolve("absent.jar")), "org.example"));
    }

    @Test
    void a_value_that_does_not_fit_its_declared_type_is_refused_naming_file_key_and_value() throws Exception {
        Map<String, DeclaredSetting> declared = new ModuleMetatype().declared(List.of(jar("m.jar", METATYPE)), "org.example");
        Path file = Path.of("config/example.properties");
        Map<String, Object> values = new LinkedHashMap<>();
        values.put("greeting", "hi");
        values.put("unknown.key", "left to the module");
        values.put("timeout.seconds", "thirty");
        var refused = assertThrows(ModuleConfigDelivery.InvalidSettingException.class,
                () -> ModuleConfigDelivery.checkTypes(file, values, declared));
        assertEquals(file + ": key 'timeout.seconds': 'thirty' is not a whole number", refused.getMessage());

        values.put("timeout.seconds", "45");
        ModuleConfigDelivery.checkTypes(file, values, declared);
        values.put("mode", "reckless");
        var option = assertThrows(ModuleConfigDelivery.InvalidSettingException.class,
                () -> ModuleConfigDelivery.checkTypes(file, values, declared));
        assertTrue(option.getMessage().endsWith("key 'mode': 'reckless' is not one of fast, safe"), option.getMessage());
    }

    @Test
    void definitions_designated_for_one_pid_by_several_documents_all_count() throws Exception {
        Path jar = dir.resolve("two.jar");
        try (OutputStream out = Files.newOutputStream(jar); ZipOutputStream zip = new ZipOutputStream(out)) {
            zip.putNextEntry(new ZipEntry("OSGI-INF/metatype/a.xml"));
            zip.write(METATYPE.strip().getBytes(StandardCharsets.UTF_8));
            zip.putNextEntry(new ZipEntry("OSGI-INF/metatype/b.xml"));
            zip.write(("<MetaData><OCD id=\"other\"><AD id=\"enabled\" type=\"Boolean\"/></OCD>"
                    + "<Designate pid=\"org.example\"><Object ocdref=\"other\"/></Designate></MetaData>").getBytes(StandardCharsets.UTF_8));
            zip.closeEntry();
        }
        Map<String, DeclaredSetting> declared = new ModuleMetatype().declared(List.of(jar), "org.example");
        assertEquals("Integer", declared.get("timeout.seconds").type());
        assertEquals("Boolean", declared.get("enabled").type());
    }

    @Test
    void a_jar_that_is_changed_is_read_again() throws Exception {
        ModuleMetatype metatype = new ModuleMetatype();
        Path jar = jar("plugin.jar", METATYPE);
        assertEquals("Integer", metatype.declared(List.of(jar), "org.example").get("timeout.seconds").type());
        jar("plugin.jar", METATYPE.replace("type=\"Integer\"", "type=\"Boolean\""));
        // the same size is possible: the modification time alone must be enough to notice the new jar
        Files.setLastModifiedTime(jar, FileTime.fromMillis(Files.getLastModifiedTime(jar).toMillis() + 2000));
        assertEquals("Boolean", metatype.declared(List.of(jar), "org.example").get("timeout.seconds").type());
    }

    @Test
    void a_document_with_a_doctype_is_not_trusted() throws Exception {
        Path jar = jar("evil.jar", """
                <?xml version="1.0"?>
                <!DOCTYPE m [<!ENTITY x SYSTEM "file:///etc/passwd">]>
                <MetaData><OCD id="o"><AD id="&x;" type="Integer"/></OCD><Designate pid="p"><Object ocdref="o"/></Designate></MetaData>
                """);
        assertEquals(Map.of(), new ModuleMetatype().declared(List.of(jar), "p"));
    }

    private Path jar(String name, String metatype) throws Exception {
        Path jar = dir.resolve(name);
        try (OutputStream out = Files.newOutputStream(jar); ZipOutputStream zip = new ZipOutputStream(out)) {
            zip.putNextEntry(new ZipEntry("OSGI-INF/metatype/org.example.Settings.xml"));
            zip.write(metatype.strip().getBytes(StandardCharsets.UTF_8));
            zip.closeEntry();
        }
        return jar;
    }
}
