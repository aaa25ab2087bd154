package org.vitrine.core.consent;

import java.time.Instant;
import java.util.List;
import java.util.Locale;

import org.vitrine.api.consent.ConsentState;
import org.vitrine.api.consent.LegalBasis;
import org.vitrine.api.consent.Purpose;

import com.fasterxml.jackson.annotation.JsonInclude;

/** What {@code GET /api/consent} answers: the active policy, each purpose with the subject's choice, and whether to ask. */
public record ConsentView(PolicyView policy, List<PurposeView> purposes, boolean needsDecision) {

    /** A policy's identity; the effective date as {@code YYYY-MM-DD}. */
    public record PolicyView(String id, String name, String version, String effectiveDate) {

        static PolicyView of(ConsentState.PolicyInfo p) {
            return new PolicyView(p.id(), p.name(), p.version(), p.effectiveDate().toString());
        }
    }

    /**
     * One purpose: how the policy describes it, and what applies to the subject ({@code granted}); {@code decided}
     * tells a recorded choice under the current version from the default, with its source and time.
     */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record PurposeView(String id, String title, String description, String legalBasis, boolean refusable,
                              boolean defaultGranted, List<String> dataCategories, List<String> processors, boolean granted,
                              boolean decided, String source, Instant decidedAt) {
    }

    static ConsentView of(ConsentState state, PrivacyNotice notice) {
        List<PurposeView> purposes = state.purposes().stream().map(s -> {
            Purpose p = s.purpose();
            return new PurposeView(p.id(), p.title(), p.description(), basis(p.legalBasis()), p.refusable(), p.defaultGranted(),
                    p.dataCategories(), notice.processorNames(p), s.granted(), s.decided(),
                    s.decided() ? s.decision().source().name().toLowerCase(Locale.ROOT) : null, s.decidedAt());
        }).toList();
        return new ConsentView(PolicyView.of(state.policy()), purposes, state.needsDecision());
    }

    /** {@code contract}, {@code legitimate-interest} or {@code consent}. */
    static String basis(LegalBasis basis) {
        return basis.name().toLowerCase(Locale.ROOT).replace('_', '-');
    }
}
