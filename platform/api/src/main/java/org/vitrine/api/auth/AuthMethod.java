package org.vitrine.api.auth;

import org.osgi.annotation.versioning.ConsumerType;

/**
 * A way to sign in, contributed by a module. {@code GET /api/auth/methods} lists the registered methods, so
 * clients adapt when an admin switches one off; the platform refuses to switch off the last method through
 * which an admin can sign in.
 *
 * <p>Threading: all methods are called on request threads and must return quickly;
 * {@link #canSignIn(long)} may read the metadata store.
 */
@ConsumerType
public interface AuthMethod {

    /** Stable id, e.g. {@code password} or {@code onshape}. */
    String id();

    /** Shown on the sign-in page, e.g. "E-mail and password". */
    String displayName();

    AuthMethodKind kind();

    /** Where a client starts the flow: the form's POST target, or the redirect start URL (a path under /api). */
    String startPath();

    /** Whether this account has what it takes to sign in with this method (a password, a linked identity). */
    boolean canSignIn(long accountId);
}
