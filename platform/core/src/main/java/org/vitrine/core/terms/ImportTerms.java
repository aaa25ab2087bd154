package org.vitrine.core.terms;

import java.time.LocalDate;
import java.time.format.DateTimeParseException;

import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Modified;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The terms an importer confirms: that they have the right to share what they import publicly, under a licence.
 * One source for the {@code /terms} page ({@code GET /api/terms}) and for the version stored with every import.
 * An unusable setting is logged, naming the file and key, and the shipped value is used instead.
 */
@Component(service = ImportTerms.class, configurationPid = ImportTerms.PID)
public class ImportTerms {

    static final String PID = "org.vitrine.privacy";
    static final int MAX_VERSION = 32;
    static final String DEFAULT_VERSION = "1";
    static final String DEFAULT_EFFECTIVE_DATE = "2026-11-01";
    static final String DEFAULT_TEXT = """
            By importing a document into Vitrine you confirm that you have the right to share it publicly: you made \
            it, or its owners allowed you to publish it here.

            Imported documents are public. Anyone can see them with their previews, names, descriptions, versions \
            and the names of their designers, under the licence shown with each document. A new document gets the \
            licence this site has chosen as its default; you can change it per document. Choose only a licence you \
            are allowed to grant.

            Do not import documents that hold confidential information, other people's personal data, or anything \
            you may not share, such as work covered by someone else's copyright, a patent application or a \
            non-disclosure agreement.

            You can remove a document you imported at any time. Moderators take down documents that break these \
            terms or the law, and tell the person who imported them.""";
    private static final Logger LOG = LoggerFactory.getLogger(ImportTerms.class);

    /** One version of the terms. */
    public record Version(String version, LocalDate effectiveDate, String text) {
    }

    private volatile Version current;

    @Activate
    public ImportTerms(TermsSettings settings) {
        apply(settings);
    }

    @Modified
    void modified(TermsSettings settings) {
        apply(settings);
    }

    /** The terms in force. */
    public Version current() {
        return current;
    }

    private void apply(TermsSettings s) {
        String version = s.terms_version() == null ? "" : s.terms_version().strip();
        if (version.isEmpty() || version.length() > MAX_VERSION) {
            LOG.error("config/privacy.properties: terms.version must have 1 to {} characters, not '{}'; using version {}",
                    MAX_VERSION, version, DEFAULT_VERSION);
            version = DEFAULT_VERSION;
        }
        LocalDate effective;
        try {
            effective = LocalDate.parse(s.terms_effective_date().strip());
        } catch (DateTimeParseException | NullPointerException e) {
            LOG.error("config/privacy.properties: terms.effective.date must be a date like 2026-11-01, not '{}'; using {}",
                    s.terms_effective_date(), DEFAULT_EFFECTIVE_DATE);
            effective = LocalDate.parse(DEFAULT_EFFECTIVE_DATE);
        }
        String text = s.terms_text() == null || s.terms_text().isBlank() ? DEFAULT_TEXT : s.terms_text().strip();
        current = new Version(version, effective, text);
    }
}
