package org.vitrine.core.consent;

import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Supplier;

import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.component.annotations.ReferenceCardinality;
import org.osgi.service.component.annotations.ReferencePolicy;
import org.vitrine.api.consent.BrowserSignals;
import org.vitrine.api.consent.ConsentLedger;
import org.vitrine.api.consent.ConsentPolicy;
import org.vitrine.api.consent.ConsentRecord;
import org.vitrine.api.consent.ConsentService;
import org.vitrine.api.consent.ConsentSource;
import org.vitrine.api.consent.ConsentState;
import org.vitrine.api.consent.ConsentSubject;
import org.vitrine.api.problem.DomainException;

/**
 * The consent service over the ledger and whichever {@link ConsentPolicy} a consent module provides. Writes for
 * one subject are serialised (a sign-in and a page load of the same browser may arrive together), so a signal or
 * an attachment is recorded once.
 */
@Component(service = ConsentService.class)
public class LedgerConsentService implements ConsentService {

    private final ConsentLedger ledger;
    private final Clock clock;
    private final List<ConsentPolicy> policies = new CopyOnWriteArrayList<>();
    private final Object[] subjectLocks = new Object[64];

    @Activate
    public LedgerConsentService(@Reference ConsentLedger ledger) {
        this(ledger, Clock.systemUTC());
    }

    LedgerConsentService(ConsentLedger ledger, Clock clock) {
        this.ledger = ledger;
        this.clock = clock;
        for (int i = 0; i < subjectLocks.length; i++) {
            subjectLocks[i] = new Object();
        }
    }

    @Reference(cardinality = ReferenceCardinality.MULTIPLE, policy = ReferencePolicy.DYNAMIC)
    void addPolicy(ConsentPolicy policy) {
        policies.add(policy);
    }

    void removePolicy(ConsentPolicy policy) {
        policies.remove(policy);
    }

    @Override
    public Optional<ConsentPolicy> activePolicy() {
        // the exclusive group keeps one policy on; while a switch is under way the newest one wins
        return policies.isEmpty() ? Optional.empty() : Optional.of(policies.get(policies.size() - 1));
    }

    @Override
    public boolean allows(ConsentSubject subject, String purpose) {
        Optional<ConsentPolicy> policy = activePolicy();
        if (policy.isEmpty()) {
            return false;
        }
        return resolve(ConsentRules.Snapshot.of(policy.get()), subject).allows(purpose);
    }

    @Override
    public ConsentState state(ConsentSubject subject) {
        return resolve(snapshot(), subject);
    }

    @Override
    public ConsentState decide(ConsentSubject subject, Map<String, Boolean> choices, ConsentSource source, String uiTextVersion,
                               String ip) {
        ConsentRules.Snapshot policy = snapshot();
        List<ConsentRecord> records = ConsentRules.choices(policy, subject, choices, source, uiTextVersion, now(), ip);
        locked(subject, () -> {
            ledger.append(records);
            return null;
        });
        return resolve(policy, subject);
    }

    @Override
    public boolean applySignals(ConsentSubject subject, BrowserSignals signals, String ip) {
        Optional<ConsentPolicy> active = activePolicy();
        Map<String, Boolean> implied = active.map(p -> p.impliedBy(signals)).orElse(Map.of());
        if (implied.isEmpty()) {
            return false;
        }
        ConsentRules.Snapshot policy = ConsentRules.Snapshot.of(active.get());
        return locked(subject, () -> {
            List<ConsentRecord> records = ConsentRules.signals(policy, subject, implied, ledger.history(subject), now(), ip);
            ledger.append(records);
            return !records.isEmpty();
        });
    }

    @Override
    public int attachVisitor(String visitorId, long accountId, String ip) {
        Optional<ConsentPolicy> active = activePolicy();
        if (active.isEmpty()) {
            return 0;
        }
        ConsentRules.Snapshot policy = ConsentRules.Snapshot.of(active.get());
        ConsentSubject account = ConsentSubject.account(accountId);
        ConsentSubject visitor = ConsentSubject.visitor(visitorId);
        return locked(account, () -> {
            String id = policy.info().id();
            String version = policy.info().version();
            List<ConsentRecord> copies = ConsentRules.attach(policy, ledger.latest(visitor, id, version).values(),
                    ledger.latest(account, id, version).values(), accountId, now(), ip);
            ledger.append(copies);
            return copies.size();
        });
    }

    private ConsentState resolve(ConsentRules.Snapshot policy, ConsentSubject subject) {
        List<ConsentRecord> records = subject == null ? List.of()
                : List.copyOf(ledger.latest(subject, policy.info().id(), policy.info().version()).values());
        return ConsentRules.resolve(policy, records);
    }

    private ConsentRules.Snapshot snapshot() {
        return activePolicy().map(ConsentRules.Snapshot::of).orElseThrow(() -> new DomainException(DomainException.Kind.UNAVAILABLE,
                "No consent policy is active: switch on consent-gdpr or consent-ccpa."));
    }

    /** The ledger keeps milliseconds: records made now compare with stored ones at that precision. */
    private Instant now() {
        return clock.instant().truncatedTo(ChronoUnit.MILLIS);
    }

    private <T> T locked(ConsentSubject subject, Supplier<T> work) {
        synchronized (subjectLocks[Math.floorMod(subject.hashCode(), subjectLocks.length)]) {
            return work.get();
        }
    }
}
