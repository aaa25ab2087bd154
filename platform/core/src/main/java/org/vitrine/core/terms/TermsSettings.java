package org.vitrine.core.terms;

import org.osgi.service.metatype.annotations.AttributeDefinition;
import org.osgi.service.metatype.annotations.ObjectClassDefinition;

/**
 * The terms importers accept, from the terms section of {@code config/privacy.properties} (PID
 * {@value ImportTerms#PID}, the file of the admin's statements to people). A changed text needs a new version:
 * each import records the version its starter confirmed.
 */
@ObjectClassDefinition(name = "Vitrine terms for importers", description = "What GET /api/terms shows and imports confirm")
@interface TermsSettings {

    @AttributeDefinition(name = "Version", description = "Version of the terms, at most 32 characters; stored with each import")
    String terms_version() default ImportTerms.DEFAULT_VERSION;

    @AttributeDefinition(name = "Effective date", description = "Since when this version applies (YYYY-MM-DD)")
    String terms_effective_date() default ImportTerms.DEFAULT_EFFECTIVE_DATE;

    @AttributeDefinition(name = "Text", description = "The terms; paragraphs are separated by an empty line (\\n\\n)")
    String terms_text() default ImportTerms.DEFAULT_TEXT;
}
