package org.vitrine.core.modules;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * Decides which modules should be on, from the state file and the modules' own rules: a module not named in
 * the file takes its default; a required module stays on unless another module of its exclusive group
 * replaces it; within an exclusive group at most one module is on (an explicit 'enabled' wins, then a
 * required module, then the first by id).
 */
final class ModuleDecisions {

    /** Whether a module should be on, and why it is off when a rule turned it off. */
    record Decision(boolean enabled, String reason) {
    }

    private ModuleDecisions() {
    }

    static Map<String, Decision> decide(Map<String, KnownModule> modules, Map<String, Boolean> explicit) {
        Map<String, Decision> decisions = new LinkedHashMap<>();
        Map<String, List<KnownModule>> groups = new LinkedHashMap<>();
        for (KnownModule module : modules.values()) {
            String group = module.feature().exclusiveGroup();
            boolean wanted = module.isPlatform()
                    || explicit.getOrDefault(module.id(), module.feature().enabledByDefault());
            if (group != null) {
                groups.computeIfAbsent(group, g -> new ArrayList<>()).add(module);
            }
            decisions.put(module.id(), new Decision(wanted, wanted ? null : "switched off"));
        }
        for (var entry : groups.entrySet()) {
            List<KnownModule> members = entry.getValue();
            List<KnownModule> on = members.stream().filter(m -> decisions.get(m.id()).enabled()).toList();
            KnownModule winner = on.stream()
                    .min(Comparator.comparing((KnownModule m) -> !Boolean.TRUE.equals(explicit.get(m.id())))
                            .thenComparing(m -> !m.feature().required())
                            .thenComparing(KnownModule::id))
                    .orElse(null);
            if (winner == null) {
                // nothing in the group is on: a required member is switched back on
                winner = members.stream().filter(m -> m.feature().required()).findFirst().orElse(null);
                if (winner != null) {
                    decisions.put(winner.id(), new Decision(true, null));
                }
            }
            for (KnownModule member : members) {
                if (winner != null && !member.id().equals(winner.id()) && decisions.get(member.id()).enabled()) {
                    decisions.put(member.id(), new Decision(false,
                            "exclusive group '" + entry.getKey() + "': '" + winner.id() + "' is on"));
                }
            }
        }
        for (KnownModule module : modules.values()) {
            if (module.feature().required() && module.feature().exclusiveGroup() == null
                    && !decisions.get(module.id()).enabled()) {
                decisions.put(module.id(), new Decision(true, null));
            }
        }
        return decisions;
    }

    static boolean sameGroup(KnownModule a, KnownModule b) {
        return a.feature().exclusiveGroup() != null
                && Objects.equals(a.feature().exclusiveGroup(), b.feature().exclusiveGroup());
    }
}
