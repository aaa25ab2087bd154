package org.vitrine.web.internal;

/**
 * The body of every error response ({@code application/problem+json}, RFC 9457).
 *
 * @param type   a URI naming the kind of problem; {@code about:blank} when the status says it all
 * @param title  short summary of the kind of problem
 * @param status the HTTP status
 * @param detail what went wrong with this request, for the person who sent it
 */
public record Problem(String type, String title, int status, String detail) {

    public static final String MEDIA_TYPE = "application/problem+json";
}
