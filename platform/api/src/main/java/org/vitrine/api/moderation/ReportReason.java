package org.vitrine.api.moderation;

import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;

/** Why someone reports a document: a fixed set, so moderators can sort and count reports. */
public enum ReportReason {
    COPYRIGHT("copyright"), OFFENSIVE("offensive"), PERSONAL_DATA("personal-data"), SPAM("spam"), OTHER("other");

    private final String id;

    ReportReason(String id) {
        this.id = id;
    }

    /** How the reason is written in requests, answers and the database, e.g. {@code personal-data}. */
    public String id() {
        return id;
    }

    /** The reason with this id (any letter case), or empty. */
    public static Optional<ReportReason> of(String id) {
        if (id == null) {
            return Optional.empty();
        }
        String wanted = id.strip().toLowerCase(Locale.ROOT);
        return Arrays.stream(values()).filter(r -> r.id.equals(wanted)).findFirst();
    }
}
