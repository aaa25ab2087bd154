package org.vitrine.it.onshape;

import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Collectors;

/** The documents and the signed-in user the fake serves; safe to change while requests are answered. */
final class OnshapeData {

    /** What a caller may see of a document. */
    enum Access { READABLE, FORBIDDEN, ABSENT }

    private final Map<String, FakeDocument> documents = new LinkedHashMap<>();
    private final Set<String> unreadable = ConcurrentHashMap.newKeySet();
    private volatile FakeUser signedIn = FakeUser.named("Ada", "Lovelace");

    FakeUser signedIn() {
        return signedIn;
    }

    void signedIn(FakeUser user) {
        signedIn = user;
    }

    synchronized String add(FakeDocument document) {
        document.freeze(signedIn);
        if (documents.putIfAbsent(document.id(), document) != null) {
            throw new IllegalArgumentException("a document with id " + document.id() + " exists already");
        }
        if (document.startsUnreadable()) {
            unreadable.add(document.id());
        }
        return document.id();
    }

    /** Documents "Document 01" … owned by the signed-in user, newest first when sorted by creation. */
    List<String> seed(int count) {
        Instant newest = Instant.now().truncatedTo(ChronoUnit.SECONDS);
        List<String> ids = new ArrayList<>();
        for (int i = 1; i <= count; i++) {
            Instant at = newest.minus(Duration.ofMinutes(i));
            ids.add(add(FakeDocument.named(String.format(Locale.ROOT, "Document %02d", i))
                    .description("Generated document number " + i)
                    .createdAt(at).modifiedAt(at)));
        }
        return ids;
    }

    synchronized void remove(String documentId) {
        documents.remove(documentId);
    }

    void unreadable(String documentId, boolean refused) {
        if (refused) {
            unreadable.add(documentId);
        } else {
            unreadable.remove(documentId);
        }
    }

    synchronized Optional<FakeDocument> find(String documentId) {
        return Optional.ofNullable(documents.get(documentId));
    }

    Access access(String documentId) {
        if (find(documentId).isEmpty()) {
            return Access.ABSENT;
        }
        return unreadable.contains(documentId) ? Access.FORBIDDEN : Access.READABLE;
    }

    /**
     * Readable documents for {@code GET /documents}. Filters: 0 (default) owned by the signed-in user, 1 created
     * by them, 2 shared with them (others' documents that are not public), 3 trash (always empty), 4 public,
     * 6 owned by {@code owner}, 7 owned by someone of their company; anything else lists every readable document.
     */
    synchronized List<FakeDocument> list(int filter, String q, String owner, String sortColumn, String sortOrder) {
        String me = signedIn.id();
        String needle = q.toLowerCase(Locale.ROOT);
        Comparator<FakeDocument> order = switch (sortColumn) {
            case "name" -> Comparator.comparing(FakeDocument::name, String.CASE_INSENSITIVE_ORDER);
            case "modifiedAt" -> Comparator.comparing(FakeDocument::modifiedAt);
            default -> Comparator.comparing(FakeDocument::createdAt);
        };
        return documents.values().stream()
                .filter(d -> !unreadable.contains(d.id()))
                .filter(d -> switch (filter) {
                    case 0 -> d.owner().id().equals(me);
                    case 1 -> d.createdBy().id().equals(me);
                    case 2 -> !d.owner().id().equals(me) && !d.isPublic();
                    case 3 -> false;
                    case 4 -> d.isPublic();
                    case 6 -> d.owner().id().equals(owner);
                    case 7 -> d.owner().companyId() != null && d.owner().companyId().equals(signedIn.companyId());
                    default -> true;
                })
                .filter(d -> d.name().toLowerCase(Locale.ROOT).contains(needle))
                .sorted("asc".equals(sortOrder) ? order : order.reversed())
                .collect(Collectors.toList());
    }
}
