package org.vitrine.core.licences;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.junit.jupiter.api.Test;

class SpdxLicencesTest {

    private final SpdxLicences shipped = SpdxLicences.shipped();

    @Test
    void the_shipped_list_holds_every_spdx_licence_and_names_the_common_ones_first() {
        List<SpdxLicences.Licence> all = shipped.all();
        assertTrue(all.size() > 600, "size " + all.size());
        assertEquals(new SpdxLicences.Licence("CC-BY-4.0", "Creative Commons Attribution 4.0 International"), all.get(0));
        assertEquals(all.size(), all.stream().map(SpdxLicences.Licence::id).distinct().count(), "each licence once");
        for (String common : List.of("CC-BY-SA-4.0", "CC0-1.0", "MIT", "Apache-2.0", "GPL-3.0-or-later", "CERN-OHL-S-2.0",
                "CERN-OHL-W-2.0", "CERN-OHL-P-2.0", "CC-BY-NC-4.0", "CC-BY-NC-SA-4.0", "CC-BY-ND-4.0")) {
            SpdxLicences.Licence licence = all.stream().filter(l -> l.id().equals(common)).findFirst().orElseThrow();
            assertFalse(licence.name().equals(licence.id()), common + " has a real name");
        }
    }

    @Test
    void ids_are_found_in_any_letter_case_and_given_back_as_spdx_writes_them() {
        assertEquals(Optional.of("CERN-OHL-S-2.0"), shipped.find("cern-ohl-s-2.0"));
        assertEquals(Optional.of("MIT"), shipped.find(" mit "));
        assertEquals(Optional.empty(), shipped.find("LicenseRef-All-rights-reserved"), "not an SPDX licence");
        assertEquals(Optional.empty(), shipped.find("GPL-3.0"), "deprecated ids are not offered");
        assertEquals(Optional.empty(), shipped.find(null));
        assertEquals(Optional.empty(), shipped.find(""));
    }

    @Test
    void a_name_for_a_licence_that_is_not_in_the_list_is_refused() {
        Map<String, String> names = new LinkedHashMap<>();
        names.put("Made-Up-1.0", "A made-up licence");
        assertThrows(IllegalArgumentException.class, () -> new SpdxLicences(List.of("MIT"), names));
    }

    @Test
    void rare_licences_are_named_by_their_id_after_the_named_ones() {
        Map<String, String> names = new LinkedHashMap<>();
        names.put("MIT", "MIT License");
        SpdxLicences list = new SpdxLicences(List.of("0BSD", "MIT", "Zlib"), names);
        assertEquals(List.of(new SpdxLicences.Licence("MIT", "MIT License"), new SpdxLicences.Licence("0BSD", "0BSD"),
                new SpdxLicences.Licence("Zlib", "Zlib")), list.all());
    }
}
