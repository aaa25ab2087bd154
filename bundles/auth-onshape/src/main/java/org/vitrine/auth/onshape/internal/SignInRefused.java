package org.vitrine.auth.onshape.internal;

/**
 * A sign-in with Onshape that cannot complete; the person is sent back to the sign-in page with the code,
 * which the page turns into a clear message.
 */
final class SignInRefused extends RuntimeException {

    private static final long serialVersionUID = 1L;
    private final String code;

    SignInRefused(String code, String message) {
        super(message);
        this.code = code;
    }

    String code() {
        return code;
    }
}
