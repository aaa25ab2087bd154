package org.vitrine.core.licences;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * The SPDX licence list Vitrine ships ({@code spdx-license-ids.json}, see the NOTICE beside it), with full names
 * for the licences people pick most often ({@code licence-names.properties}), which also come first. SPDX ids
 * are matched in any letter case, as the SPDX specification says, and given back as SPDX writes them.
 */
public final class SpdxLicences {

    /** A licence as offered to people. */
    public record Licence(String id, String name) {
    }

    private final List<Licence> licences;
    private final Map<String, String> canonical = new HashMap<>();

    SpdxLicences(List<String> ids, Map<String, String> names) {
        List<Licence> ordered = new ArrayList<>();
        for (Map.Entry<String, String> named : names.entrySet()) {
            if (!ids.contains(named.getKey())) {
                throw new IllegalArgumentException("named licence " + named.getKey() + " is not in the SPDX list");
            }
            ordered.add(new Licence(named.getKey(), named.getValue()));
        }
        for (String id : ids) {
            if (!names.containsKey(id)) {
                ordered.add(new Licence(id, id));
            }
        }
        this.licences = List.copyOf(ordered);
        ids.forEach(id -> canonical.put(id.toLowerCase(Locale.ROOT), id));
    }

    /** The list in this bundle's resources. */
    public static SpdxLicences shipped() {
        try (InputStream ids = resource("spdx-license-ids.json"); InputStream names = resource("licence-names.properties")) {
            String[] list = new ObjectMapper().readValue(ids, String[].class);
            return new SpdxLicences(List.of(list), names(names));
        } catch (IOException e) {
            throw new IllegalStateException("cannot read the shipped SPDX licence list", e);
        }
    }

    /** Every licence: the named ones first, in their file's order, then the rest in SPDX order. */
    public List<Licence> all() {
        return licences;
    }

    /** The id as SPDX writes it, when it is an SPDX licence id in any letter case. */
    public Optional<String> find(String id) {
        return id == null ? Optional.empty() : Optional.ofNullable(canonical.get(id.strip().toLowerCase(Locale.ROOT)));
    }

    private static InputStream resource(String name) {
        return Objects.requireNonNull(SpdxLicences.class.getResourceAsStream(name), name);
    }

    /** {@code id = name} lines in file order ({@link java.util.Properties} would lose the order). */
    private static Map<String, String> names(InputStream in) throws IOException {
        Map<String, String> names = new LinkedHashMap<>();
        BufferedReader reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
        for (String line = reader.readLine(); line != null; line = reader.readLine()) {
            int eq = line.indexOf('=');
            if (!line.isBlank() && !line.strip().startsWith("#") && eq > 0) {
                names.put(line.substring(0, eq).strip(), line.substring(eq + 1).strip());
            }
        }
        return names;
    }
}
