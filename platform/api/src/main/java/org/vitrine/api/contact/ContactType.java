package org.vitrine.api.contact;

import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;

/** What a contact message is about; a privacy request (access, erasure, objection, ...) has its own type. */
public enum ContactType {
    QUESTION("question"), PRIVACY_REQUEST("privacy-request"), OTHER("other");

    private final String id;

    ContactType(String id) {
        this.id = id;
    }

    /** How the type is written in requests, answers and the database, e.g. {@code privacy-request}. */
    public String id() {
        return id;
    }

    /** The type with this id (any letter case), or empty. */
    public static Optional<ContactType> of(String id) {
        if (id == null) {
            return Optional.empty();
        }
        String wanted = id.strip().toLowerCase(Locale.ROOT);
        return Arrays.stream(values()).filter(t -> t.id.equals(wanted)).findFirst();
    }
}
