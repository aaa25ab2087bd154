package org.vitrine.web.internal;

import org.osgi.service.component.annotations.Component;
import org.osgi.service.jakartars.whiteboard.propertytypes.JSONRequired;
import org.osgi.service.jakartars.whiteboard.propertytypes.JakartarsExtension;
import org.osgi.service.jakartars.whiteboard.propertytypes.JakartarsName;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.vitrine.api.problem.DomainException;
import org.vitrine.api.ratelimit.TooManyRequestsException;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonMappingException;

import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.ExceptionMapper;

/**
 * Maps every failure to a problem response, once, for all resources: domain errors keep their status and
 * message; malformed JSON is a 400 that says where, without the parser's text; anything unexpected is a 500 whose details go to the log
 * only, never to the client.
 */
@Component(service = ExceptionMapper.class)
@JakartarsExtension
@JakartarsName("vitrine-problems")
@JSONRequired
public class ProblemMapper implements ExceptionMapper<Throwable> {

    private static final Logger LOG = LoggerFactory.getLogger(ProblemMapper.class);

    @Override
    public Response toResponse(Throwable failure) {
        if (failure instanceof TooManyRequestsException tooMany) {
            return toResponse(tooMany);
        }
        if (failure instanceof DomainException domain) {
            return problem(domain.kind().status(), domain.type(), domain.title(), domain.getMessage());
        }
        if (failure instanceof JsonProcessingException json) {
            return problem(400, malformedJson(json));
        }
        if (failure instanceof WebApplicationException web) {
            int status = web.getResponse().getStatus();
            if (status >= 500) {
                LOG.error("Request failed", failure);
            }
            Response.StatusType type = Response.Status.fromStatusCode(status);
            return problem(status, detailFor(status, type));
        }
        LOG.error("Unexpected failure while serving a request", failure);
        return problem(500, "Something went wrong on our side; the error was logged.");
    }

    /**
     * Says where a request body went wrong (the field and the place in the text), without the parser's own message,
     * which names Java classes of the server.
     */
    static String malformedJson(JsonProcessingException json) {
        StringBuilder detail = new StringBuilder("The request body is not valid JSON for this call");
        if (json instanceof JsonMappingException mapping && !mapping.getPath().isEmpty()) {
            StringBuilder field = new StringBuilder();
            for (JsonMappingException.Reference step : mapping.getPath()) {
                if (step.getFieldName() != null) {
                    field.append(field.length() == 0 ? "" : ".").append(step.getFieldName());
                } else if (step.getIndex() >= 0) {
                    field.append('[').append(step.getIndex()).append(']');
                }
            }
            if (field.length() > 0) {
                detail.append(": the value of \"").append(field).append("\" is not of the expected kind");
            }
        }
        JsonLocation where = json.getLocation();
        if (where != null && where.getLineNr() > 0) {
            detail.append(" (line ").append(where.getLineNr()).append(", column ").append(where.getColumnNr()).append(')');
        }
        return detail.append('.').toString();
    }

    private static String detailFor(int status, Response.StatusType type) {
        return switch (status) {
            case 404 -> "There is nothing at this address.";
            case 405 -> "This address does not accept that method.";
            case 406 -> "This address cannot answer in the requested media type.";
            case 415 -> "This address does not accept that content type; send application/json.";
            default -> type == null ? "HTTP " + status : type.getReasonPhrase();
        };
    }

    /** 429 with the {@code Retry-After} the limit asks for. */
    static Response toResponse(TooManyRequestsException e) {
        Response base = problem(429, e.getMessage());
        return Response.fromResponse(base).header("Retry-After", Long.toString(e.retryAfterSeconds())).build();
    }

    static Response problem(int status, String detail) {
        return problem(status, DomainException.NO_TYPE, null, detail);
    }

    static Response problem(int status, String problemType, String problemTitle, String detail) {
        Response.StatusType type = Response.Status.fromStatusCode(status);
        String title = problemTitle != null ? problemTitle : type == null ? "HTTP " + status : type.getReasonPhrase();
        // an error is about this moment (a taken-down document may be restored): browsers must not keep it
        return Response.status(status)
                .header("Cache-Control", "no-store")
                .type(Problem.MEDIA_TYPE)
                .entity(new Problem(problemType, title, status, detail))
                .build();
    }
}
