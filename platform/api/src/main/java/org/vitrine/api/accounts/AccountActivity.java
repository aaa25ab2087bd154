package org.vitrine.api.accounts;

import java.time.Instant;

/**
 * What an account did on Vitrine, as admins see it.
 *
 * @param lastSignInAt      the last successful sign-in, or {@code null} when it never signed in
 * @param importJobs        how many import jobs it started
 * @param documentsImported how many documents it imported
 */
public record AccountActivity(Instant lastSignInAt, long importJobs, long documentsImported) {
}
