package org.vitrine.api.consent;

import java.util.List;
import java.util.Objects;

/**
 * One reason for which Vitrine processes personal data, as a {@link ConsentPolicy} describes it.
 *
 * @param id             stable id, e.g. {@value #ANALYTICS}; what {@link ConsentService#allows} is asked about
 * @param title          short name shown to people
 * @param description    what is done and why, in plain words
 * @param legalBasis     why it is lawful
 * @param refusable      whether the person may refuse it; {@code false} only for what the service cannot run without
 * @param defaultGranted the decision that applies before the person chose anything (opt-in: {@code false})
 * @param dataCategories the kinds of personal data it covers, e.g. "e-mail address"
 * @param processors     third parties the policy itself names for it; the admin's processors are added on top
 */
public record Purpose(String id, String title, String description, LegalBasis legalBasis, boolean refusable,
                      boolean defaultGranted, List<String> dataCategories, List<String> processors) {

    /** What the service cannot run without: account, session and consent cookies, security logs. */
    public static final String NECESSARY = "necessary";
    /** Measuring how the site is used. */
    public static final String ANALYTICS = "analytics";
    /** Showing a designer's public profile (name, avatar, company) on their designs and designer page. */
    public static final String SOCIAL = "social";
    /** Newsletters and other marketing e-mail. */
    public static final String MARKETING = "marketing";

    public Purpose {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(title, "title");
        Objects.requireNonNull(description, "description");
        Objects.requireNonNull(legalBasis, "legalBasis");
        if (!refusable && !defaultGranted) {
            throw new IllegalArgumentException("purpose '" + id + "' cannot be refused, so it must be granted by default");
        }
        dataCategories = List.copyOf(dataCategories);
        processors = List.copyOf(processors);
    }
}
