package org.vitrine.api.identity;

import org.vitrine.api.problem.DomainException;

/**
 * A provider refuses the tokens of a person's session even after a refresh: the person revoked Vitrine's access
 * at the provider. The dead tokens are dropped from the session, so nothing tries them again, and the person must
 * connect the provider again. Answered as 409 with the problem type {@link #TYPE}, so clients can offer a
 * reconnect link.
 */
public class ReconnectRequired extends DomainException {

    private static final long serialVersionUID = 1L;

    /** The problem type of the answer. */
    public static final String TYPE = "urn:vitrine:problem:reconnect-provider";

    private final String provider;

    /**
     * @param provider     the provider id, e.g. {@code onshape}
     * @param providerName its display name, e.g. {@code Onshape}
     */
    public ReconnectRequired(String provider, String providerName) {
        super(Kind.CONFLICT, TYPE, "Reconnect " + providerName, providerName + " no longer accepts Vitrine's access to your "
                + providerName + " account (it was revoked or has lapsed): connect " + providerName + " again.");
        this.provider = provider;
    }

    public String provider() {
        return provider;
    }
}
