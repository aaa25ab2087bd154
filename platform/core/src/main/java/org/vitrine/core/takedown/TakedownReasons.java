package org.vitrine.core.takedown;

import java.util.Arrays;
import java.util.stream.Collectors;

import org.vitrine.api.moderation.ReportReason;
import org.vitrine.api.problem.DomainException;

/** The fixed reasons for reporting or taking down a document, as people send them and as the 410 answer says them. */
public final class TakedownReasons {

    static final String ALL = Arrays.stream(ReportReason.values()).map(ReportReason::id).collect(Collectors.joining(", "));

    private TakedownReasons() {
    }

    /** The reason a request names in the field {@code reason}; 400 naming the field when missing or unknown. */
    public static ReportReason parse(String reason) {
        if (reason == null || reason.isBlank()) {
            throw DomainException.badRequest("'reason' is missing: one of " + ALL + ".");
        }
        return ReportReason.of(reason).orElseThrow(() -> DomainException.badRequest("'reason' must be one of " + ALL
                + ", not '" + (reason.length() > 40 ? reason.substring(0, 40) + "..." : reason) + "'."));
    }

    /** The short public reason of a document taken down by moderation. */
    static String publicText(ReportReason reason) {
        return "It was taken down by a moderator (" + reason.id() + ").";
    }
}
