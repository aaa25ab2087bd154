package org.vitrine.it.onshape;

import java.io.IOException;
import java.util.List;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.google.common.net.MediaType;

/**
 * The shape of Onshape's error answers, which its OpenAPI description does not document:
 * {@code {"message": "...", "status": 4xx, "code": 0, "moreInfoUrl": ""}} as JSON, or, for a 502 that a gateway
 * produced, an HTML page.
 */
final class OnshapeErrorShape {

    private static final String KEY = "onshape.error.shape";
    private static final ObjectMapper MAPPER = new ObjectMapper();

    private OnshapeErrorShape() {
    }

    static List<OpenApiContract.Violation> check(int status, String contentType, byte[] body) {
        if (contentType == null) {
            return refuse("error " + status + " without a Content-Type");
        }
        MediaType type = MediaType.parse(contentType).withoutParameters();
        if (status == 502 && type.is(MediaType.HTML_UTF_8.withoutParameters())) {
            return List.of();
        }
        if (!type.is(MediaType.JSON_UTF_8.withoutParameters())) {
            return refuse("error " + status + " sent as " + contentType + ", Onshape answers errors in JSON");
        }
        JsonNode error;
        try {
            error = MAPPER.readTree(body);
        } catch (IOException e) {
            return refuse("error " + status + " is not JSON: " + e.getMessage());
        }
        boolean shaped = error != null && error.isObject()
                && error.path("message").isTextual()
                && error.path("status").isInt() && error.path("status").intValue() == status
                && error.path("code").isInt()
                && error.path("moreInfoUrl").isTextual();
        return shaped ? List.of()
                : refuse("error " + status + " is not {message, status: " + status + ", code, moreInfoUrl}: " + error);
    }

    private static List<OpenApiContract.Violation> refuse(String message) {
        return List.of(new OpenApiContract.Violation(KEY, message));
    }
}
