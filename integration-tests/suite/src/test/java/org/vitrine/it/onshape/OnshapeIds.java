package org.vitrine.it.onshape;

import java.security.SecureRandom;
import java.util.Base64;
import java.util.HexFormat;

/** Identifiers and secrets shaped like Onshape's. */
final class OnshapeIds {

    private static final SecureRandom RANDOM = new SecureRandom();

    private OnshapeIds() {
    }

    /** 24 lowercase hex characters, like every Onshape document, workspace, version, element or user id. */
    static String next() {
        byte[] bytes = new byte[12];
        RANDOM.nextBytes(bytes);
        return HexFormat.of().formatHex(bytes);
    }

    /**
     * A token or code in standard Base64, so it usually holds {@code +}, {@code /} and a trailing {@code =}:
     * a client that forgets to URL-encode it in a form or a query breaks, as it would against Onshape.
     */
    static String secret(int bytes) {
        byte[] random = new byte[bytes];
        RANDOM.nextBytes(random);
        return Base64.getEncoder().encodeToString(random);
    }
}
