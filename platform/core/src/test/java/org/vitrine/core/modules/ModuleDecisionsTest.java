package org.vitrine.core.modules;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.vitrine.features.Feature;

class ModuleDecisionsTest {

    private static KnownModule module(String id, boolean required, String group, boolean byDefault) {
        return new KnownModule(new Feature(id, id, "", "1", "consent", required, group, byDefault, null, id, List.of(), Map.of()),
                null, 0);
    }

    private static Map<String, KnownModule> modules(KnownModule... all) {
        Map<String, KnownModule> map = new LinkedHashMap<>();
        for (KnownModule m : all) {
            map.put(m.id(), m);
        }
        return map;
    }

    @Test
    void modules_not_in_the_state_file_take_their_default() {
        var d = ModuleDecisions.decide(modules(module("a", false, null, true), module("b", false, null, false)), Map.of());
        assertTrue(d.get("a").enabled());
        assertFalse(d.get("b").enabled());
    }

    @Test
    void a_required_module_stays_on_whatever_the_file_says() {
        var d = ModuleDecisions.decide(modules(module("store", true, null, true)), Map.of("store", false));
        assertTrue(d.get("store").enabled());
    }

    @Test
    void in_an_exclusive_group_the_explicitly_enabled_module_wins() {
        var all = modules(module("consent-ccpa", false, "consent", false), module("consent-gdpr", true, "consent", true));
        var d = ModuleDecisions.decide(all, Map.of("consent-ccpa", true));
        assertTrue(d.get("consent-ccpa").enabled());
        assertFalse(d.get("consent-gdpr").enabled());
        assertEquals("exclusive group 'consent': 'consent-ccpa' is on", d.get("consent-gdpr").reason());
    }

    @Test
    void two_modules_of_a_group_are_never_both_on_even_if_a_hand_edit_says_so() {
        var all = modules(module("x-one", false, "g", true), module("x-two", false, "g", true));
        var d = ModuleDecisions.decide(all, Map.of("x-one", true, "x-two", true));
        assertTrue(d.get("x-one").enabled() ^ d.get("x-two").enabled());
    }

    @Test
    void when_a_group_would_be_empty_its_required_member_comes_back() {
        var all = modules(module("consent-ccpa", false, "consent", false), module("consent-gdpr", true, "consent", true));
        var d = ModuleDecisions.decide(all, Map.of("consent-ccpa", false, "consent-gdpr", false));
        assertTrue(d.get("consent-gdpr").enabled());
        assertFalse(d.get("consent-ccpa").enabled());
    }

    @Test
    void with_nothing_in_the_state_file_only_the_default_member_of_a_group_runs() {
        var all = modules(module("consent-ccpa", false, "consent-policy", false), module("consent-gdpr", true, "consent-policy", true));
        var d = ModuleDecisions.decide(all, Map.of());
        assertTrue(d.get("consent-gdpr").enabled());
        assertFalse(d.get("consent-ccpa").enabled());
    }

    @Test
    void switching_to_the_other_member_as_the_admin_api_writes_it_leaves_exactly_that_one_on() {
        var all = modules(module("consent-ccpa", false, "consent-policy", false), module("consent-gdpr", true, "consent-policy", true));
        var toCcpa = ModuleDecisions.decide(all, Map.of("consent-ccpa", true, "consent-gdpr", false));
        assertTrue(toCcpa.get("consent-ccpa").enabled());
        assertFalse(toCcpa.get("consent-gdpr").enabled());
        var back = ModuleDecisions.decide(all, Map.of("consent-ccpa", false, "consent-gdpr", true));
        assertTrue(back.get("consent-gdpr").enabled());
        assertFalse(back.get("consent-ccpa").enabled());
    }
}
