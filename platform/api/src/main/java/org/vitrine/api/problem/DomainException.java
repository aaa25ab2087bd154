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

    /** The problem type of failures whose status says it all. */
    public static final String NO_TYPE = "about:blank";

    private final Kind kind;
    private final String type;
    private final String title;

    public DomainException(Kind kind, String detail) {
        this(kind, NO_TYPE, null, detail);
    }

    /**
     * A failure of a kind clients recognise by its problem type (a URI) rather than by its status alone.
     *
     * @param type  a URI naming the kind of problem
     * @param title a short summary of that kind of problem, or {@code null} for the status' reason phrase
     */
    public DomainException(Kind kind, String type, String title, String detail) {
        super(detail);
        this.kind = Objects.requireNonNull(kind, "kind");
        this.type = Objects.requireNonNull(type, "type");
        this.title = title;
    }

    public Kind kind() {
        return kind;
    }

    /** The problem type: {@link #NO_TYPE} unless the failure names one. */
    public String type() {
        return type;
    }

    /** The problem title, or {@code null} for the HTTP status' reason phrase. */
    public String title() {
        return title;
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
