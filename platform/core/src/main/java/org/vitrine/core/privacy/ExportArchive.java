package org.vitrine.core.privacy;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.vitrine.api.accounts.Account;
import org.vitrine.api.accounts.AccountStore;
import org.vitrine.api.accounts.TotpCredential;
import org.vitrine.api.blob.BlobStore;
import org.vitrine.api.consent.ConsentLedger;
import org.vitrine.api.consent.ConsentSubject;
import org.vitrine.api.devices.KnownDeviceStore;
import org.vitrine.api.documents.DocumentStore;
import org.vitrine.api.documents.PublishedDocument;
import org.vitrine.api.documents.StoredPreview;
import org.vitrine.api.identity.IdentityStore;
import org.vitrine.api.privacy.PersonalDataStore;
import org.vitrine.api.problem.DomainException;
import org.vitrine.api.session.SessionManager;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;

/**
 * Writes the zip archive of a person's data: one JSON file per kind of data, and the preview images of the
 * documents they imported. What identifies a secret (password hash, second-factor secret, recovery codes,
 * session ids, provider tokens) is never read here, so it cannot end up in the archive.
 */
@Component(service = ExportArchive.class)
public class ExportArchive {

    /** At most this many audit events go into an archive, newest first. */
    static final int AUDIT_LIMIT = 10_000;

    public record Profile(long id, String email, String displayName, String firstName, String lastName, String company,
                          String avatarUrl, String status, List<String> roles, java.time.Instant createdAt,
                          boolean twoFactorEnabled) {
    }

    public record SessionEntry(String id, java.time.Instant createdAt, java.time.Instant lastSeenAt, String ip,
                               String userAgent) {
    }

    private static final String README = """
            Your data at Vitrine
            ====================
            profile.json        your account as Vitrine keeps it (no password, second-factor secret or recovery code)
            identities.json     the provider accounts (e.g. Onshape) linked to yours; Vitrine never stores their tokens
            consent.json        every consent decision you made, newest first, with policy version, source and time
            documents.json      the documents you imported, with their metadata, elements, versions and designers
            audit-events.json   security events you caused or that were about your account, newest first
            sessions.json       your sessions that were live when the archive was written
            known-devices.json  the browsers you signed in from (a hash of their device cookie, first and last sign-in)
            previews/           the preview images of the documents you imported
            """;

    private final AccountStore accounts;
    private final IdentityStore identities;
    private final ConsentLedger ledger;
    private final PersonalDataStore personal;
    private final DocumentStore documents;
    private final SessionManager sessions;
    private final BlobStore blobs;
    private final KnownDeviceStore devices;
    private final ObjectMapper json = new ObjectMapper().registerModule(new JavaTimeModule())
            .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS).enable(SerializationFeature.INDENT_OUTPUT);

    @Activate
    public ExportArchive(@Reference AccountStore accounts, @Reference IdentityStore identities, @Reference ConsentLedger ledger,
                         @Reference PersonalDataStore personal, @Reference DocumentStore documents,
                         @Reference SessionManager sessions, @Reference BlobStore blobs, @Reference KnownDeviceStore devices) {
        this.accounts = accounts;
        this.identities = identities;
        this.ledger = ledger;
        this.personal = personal;
        this.documents = documents;
        this.sessions = sessions;
        this.blobs = blobs;
        this.devices = devices;
    }

    /** Writes the archive of the account's data to {@code out}; may take seconds (reads every preview). */
    public void write(long accountId, OutputStream out) throws IOException {
        Account account = accounts.byId(accountId).orElseThrow(() -> DomainException.notFound("No such account."));
        List<PublishedDocument> imported = new ArrayList<>();
        for (long id : personal.importedDocuments(accountId)) {
            documents.find(id).ifPresent(imported::add);
        }
        try (ZipOutputStream zip = new ZipOutputStream(out)) {
            text(zip, "README.txt", README);
            entry(zip, "profile.json", profile(account));
            entry(zip, "identities.json", identities.ofAccount(accountId));
            entry(zip, "consent.json", ledger.history(ConsentSubject.account(accountId)));
            entry(zip, "documents.json", imported);
            entry(zip, "audit-events.json", personal.auditEvents(accountId, AUDIT_LIMIT));
            entry(zip, "sessions.json", sessions.of(accountId).stream()
                    .map(s -> new SessionEntry(s.publicId(), s.createdAt(), s.lastSeenAt(), s.client().ip(), s.client().userAgent()))
                    .toList());
            entry(zip, "known-devices.json", devices.of(accountId));
            for (PublishedDocument document : imported) {
                for (StoredPreview preview : document.previews()) {
                    preview(zip, document.id(), preview);
                }
            }
        }
    }

    private Profile profile(Account a) {
        boolean twoFactor = accounts.totp(a.id()).map(TotpCredential::confirmed).orElse(false);
        return new Profile(a.id(), a.email(), a.displayName(), a.firstName(), a.lastName(), a.company(), a.avatarUrl(),
                a.status().name().toLowerCase(Locale.ROOT), a.roles().stream().map(r -> r.name().toLowerCase(Locale.ROOT)).sorted().toList(),
                a.createdAt(), twoFactor);
    }

    private void preview(ZipOutputStream zip, long documentId, StoredPreview preview) throws IOException {
        Optional<InputStream> content = blobs.open(preview.blob().key());
        if (content.isEmpty()) {
            return;
        }
        String what = preview.elementExternalId() == null ? "document" : "element-" + safe(preview.elementExternalId());
        String name = "previews/" + documentId + "/" + what + "-" + safe(preview.size()) + extension(preview.blob().contentType());
        try (InputStream in = content.get()) {
            zip.putNextEntry(new ZipEntry(name));
            in.transferTo(zip);
            zip.closeEntry();
        }
    }

    private void entry(ZipOutputStream zip, String name, Object value) throws IOException {
        zip.putNextEntry(new ZipEntry(name));
        zip.write(json.writeValueAsBytes(value));
        zip.closeEntry();
    }

    private static void text(ZipOutputStream zip, String name, String text) throws IOException {
        zip.putNextEntry(new ZipEntry(name));
        zip.write(text.getBytes(java.nio.charset.StandardCharsets.UTF_8));
        zip.closeEntry();
    }

    /** Provider ids and sizes become file names: keep letters, digits, dots, dashes and x only. */
    static String safe(String part) {
        return part.replaceAll("[^A-Za-z0-9._-]", "_");
    }

    static String extension(String contentType) {
        return switch (contentType.toLowerCase(Locale.ROOT)) {
            case "image/png" -> ".png";
            case "image/jpeg" -> ".jpg";
            case "image/gif" -> ".gif";
            case "image/webp" -> ".webp";
            case "image/svg+xml" -> ".svg";
            default -> ".bin";
        };
    }
}
