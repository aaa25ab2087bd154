package org.vitrine.api.problem;

import java.util.Objects;

/**
 * A failure the caller can act on. The web layer maps it once to an {@code application/problem+json}
 * response with the status of its {@link Kind}; the detail is shown to the caller, so it must name the
 * problem and never contain secrets.
 */
public class DomainException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    /** What kind of failure, which decides the HTTP status. */
    public enum Kind {
        BAD_REQUEST(400), UNAUTHORIZED(401), FORBIDDEN(403), NOT_FOUND(404), CONFLICT(409), GONE(410),
        TOO_MANY_REQUESTS(429), UNAVAILABLE(503);

        private final int status;

        Kind(int status) {
            this.status = status;
        }

        public int status() {
            return status;
        }
    }

    private final Kind kind;

    public DomainException(Kind kind, String detail) {
        super(detail);
        this.kind = Objects.requireNonNull(kind, "kind");
    }

    public Kind kind() {
        return kind;
    }

    public static DomainException badRequest(String detail) {
        return new DomainException(Kind.BAD_REQUEST, detail);
    }

    public static DomainException notFound(String detail) {
        return new DomainException(Kind.NOT_FOUND, detail);
    }

    public static DomainException conflict(String detail) {
        return new DomainException(Kind.CONFLICT, detail);
    }
}
