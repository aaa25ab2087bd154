package org.vitrine.core.consent;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;

import org.vitrine.api.consent.ConsentPolicy;
import org.vitrine.api.consent.ConsentRecord;
import org.vitrine.api.consent.ConsentSource;
import org.vitrine.api.consent.ConsentState;
import org.vitrine.api.consent.ConsentSubject;
import org.vitrine.api.consent.Purpose;
import org.vitrine.api.problem.DomainException;

/**
 * The rules of consent, free of storage and HTTP: how recorded decisions and a policy's defaults resolve, which
 * choices are acceptable, which signals are still to be recorded and which visitor decisions an account takes over.
 */
final class ConsentRules {

    private ConsentRules() {
    }

    /** A policy as read once: its version and purposes never disagree within one decision. */
    record Snapshot(ConsentState.PolicyInfo info, List<Purpose> purposes) {

        static Snapshot of(ConsentPolicy policy) {
            return new Snapshot(new ConsentState.PolicyInfo(policy.id(), policy.name(), policy.version(), policy.effectiveDate()),
                    List.copyOf(policy.purposes()));
        }

        Purpose purpose(String id) {
            return purposes.stream().filter(p -> p.id().equals(id)).findFirst().orElse(null);
        }

        /** Whether a record was made under this policy's current version: only those count. */
        boolean current(ConsentRecord record) {
            return record.policyId().equals(info.id()) && record.policyVersion().equals(info.version());
        }
    }

    /**
     * What applies to a subject: a purpose that cannot be refused is granted; otherwise the latest decision made
     * under the current version; otherwise the purpose's default. Decisions under another policy or version are
     * ignored, so a new version asks again.
     */
    static ConsentState resolve(Snapshot policy, Collection<ConsentRecord> records) {
        List<ConsentState.PurposeState> states = new ArrayList<>();
        boolean needsDecision = false;
        for (Purpose purpose : policy.purposes()) {
            if (!purpose.refusable()) {
                states.add(new ConsentState.PurposeState(purpose, true, null));
                continue;
            }
            ConsentRecord decision = latest(policy, records, purpose.id());
            needsDecision |= decision == null;
            states.add(new ConsentState.PurposeState(purpose, decision == null ? purpose.defaultGranted() : decision.granted(), decision));
        }
        return new ConsentState(policy.info(), states, needsDecision);
    }

    private static ConsentRecord latest(Snapshot policy, Collection<ConsentRecord> records, String purpose) {
        ConsentRecord latest = null;
        for (ConsentRecord r : records) {
            if (r.purpose().equals(purpose) && policy.current(r) && (latest == null || later(r, latest))) {
                latest = r;
            }
        }
        return latest;
    }

    private static boolean later(ConsentRecord a, ConsentRecord b) {
        int byTime = a.recordedAt().compareTo(b.recordedAt());
        return byTime > 0 || byTime == 0 && a.id() != null && b.id() != null && a.id() > b.id();
    }

    /**
     * The records for a person's choices: one per refusable purpose named.
     *
     * @throws DomainException BAD_REQUEST naming unknown purposes, or refusals of purposes that cannot be refused
     */
    static List<ConsentRecord> choices(Snapshot policy, ConsentSubject subject, Map<String, Boolean> choices,
                                       ConsentSource source, String uiTextVersion, Instant now, String ip) {
        if (choices == null || choices.isEmpty()) {
            throw DomainException.badRequest("Send the choices as {\"purposes\": {\"analytics\": true, ...}}.");
        }
        TreeSet<String> unknown = new TreeSet<>();
        TreeSet<String> unrefusable = new TreeSet<>();
        TreeSet<String> undecided = new TreeSet<>();
        for (var choice : choices.entrySet()) {
            Purpose purpose = policy.purpose(choice.getKey());
            if (purpose == null) {
                unknown.add(choice.getKey());
            } else if (choice.getValue() == null) {
                undecided.add(choice.getKey());
            } else if (!purpose.refusable() && !choice.getValue()) {
                unrefusable.add(choice.getKey());
            }
        }
        if (!unknown.isEmpty()) {
            throw DomainException.badRequest("Unknown purpose" + (unknown.size() > 1 ? "s " : " ") + String.join(", ", unknown)
                    + " under the " + policy.info().id() + " policy; its purposes are " + ids(policy) + ".");
        }
        if (!undecided.isEmpty()) {
            throw DomainException.badRequest("Purpose " + String.join(", ", undecided) + ": send true or false.");
        }
        if (!unrefusable.isEmpty()) {
            throw DomainException.badRequest("Purpose " + String.join(", ", unrefusable)
                    + " is strictly necessary and cannot be refused.");
        }
        String wording = uiTextVersion == null ? policy.info().version() : uiTextVersion;
        List<ConsentRecord> records = new ArrayList<>();
        for (Purpose purpose : policy.purposes()) {
            Boolean granted = choices.get(purpose.id());
            if (granted != null && purpose.refusable()) {
                records.add(record(policy, subject, purpose.id(), granted, source, wording, now, ip, null));
            }
        }
        return records;
    }

    /**
     * The records a browser signal still calls for: each implied decision about a refusable purpose, unless a
     * signal was already recorded for that purpose under the current version (so it is recorded once, and a choice
     * the person makes afterwards wins).
     */
    static List<ConsentRecord> signals(Snapshot policy, ConsentSubject subject, Map<String, Boolean> implied,
                                       Collection<ConsentRecord> history, Instant now, String ip) {
        List<ConsentRecord> records = new ArrayList<>();
        for (Purpose purpose : policy.purposes()) {
            Boolean granted = implied.get(purpose.id());
            boolean alreadyRecorded = history.stream()
                    .anyMatch(r -> r.source() == ConsentSource.GPC && r.purpose().equals(purpose.id()) && policy.current(r));
            if (granted != null && purpose.refusable() && !alreadyRecorded) {
                records.add(record(policy, subject, purpose.id(), granted, ConsentSource.GPC, null, now, ip, null));
            }
        }
        return records;
    }

    /**
     * The account's copies of a visitor's current decisions that are newer than the account's own for the same
     * purpose; each points at the visitor's record it copies.
     */
    static List<ConsentRecord> attach(Snapshot policy, Collection<ConsentRecord> visitor, Collection<ConsentRecord> account,
                                      long accountId, Instant now, String ip) {
        List<ConsentRecord> copies = new ArrayList<>();
        for (Purpose purpose : policy.purposes()) {
            ConsentRecord theirs = latest(policy, visitor, purpose.id());
            ConsentRecord own = latest(policy, account, purpose.id());
            if (theirs != null && purpose.refusable() && (own == null || own.recordedAt().isBefore(theirs.recordedAt()))) {
                copies.add(record(policy, ConsentSubject.account(accountId), purpose.id(), theirs.granted(), ConsentSource.SIGNIN,
                        theirs.uiTextVersion(), now, ip, theirs.id()));
            }
        }
        return copies;
    }

    private static ConsentRecord record(Snapshot policy, ConsentSubject subject, String purpose, boolean granted,
                                        ConsentSource source, String uiTextVersion, Instant now, String ip, Long attachedFrom) {
        return new ConsentRecord(null, subject, purpose, granted, policy.info().id(), policy.info().version(), source,
                uiTextVersion, now, ip, attachedFrom);
    }

    private static String ids(Snapshot policy) {
        return String.join(", ", policy.purposes().stream().map(Purpose::id).toList());
    }
}
