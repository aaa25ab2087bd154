package org.vitrine.it.onshape;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.stream.Collectors;

import com.atlassian.oai.validator.interaction.request.CustomRequestValidator;
import com.atlassian.oai.validator.model.ApiOperation;
import com.atlassian.oai.validator.model.Request;
import com.atlassian.oai.validator.report.ValidationReport;
import com.atlassian.oai.validator.util.HttpAcceptUtils;
import com.google.common.net.MediaType;

/**
 * A request's {@code Accept} must overlap with what the operation can answer.
 * <p>
 * Replaces the library's check, which only lets a wildcard stand on the request's side: thumbnails are declared
 * as {@code image/*}, so it would reject {@code Accept: image/png}, which Onshape serves. Parameters such as the
 * {@code qs=0.09} of Onshape's JSON media type are ignored, as HTTP content negotiation does.
 */
final class AcceptHeaderCheck implements CustomRequestValidator {

    static final String KEY = "validation.request.accept.notAllowed";

    @Override
    public ValidationReport validate(Request request, ApiOperation operation) {
        List<String> accepted = request.getHeaderValues("Accept").stream()
                .flatMap(value -> HttpAcceptUtils.splitAcceptHeader(value).stream())
                .collect(Collectors.toList());
        List<MediaType> answerable = operation.getOperation().getResponses().values().stream()
                .filter(response -> response.getContent() != null)
                .flatMap(response -> response.getContent().keySet().stream())
                .map(type -> MediaType.parse(type).withoutParameters())
                .distinct()
                .collect(Collectors.toList());
        if (accepted.isEmpty() || answerable.isEmpty()) {
            return ValidationReport.empty();
        }
        List<MediaType> acceptable = new ArrayList<>();
        for (String value : accepted) {
            try {
                acceptable.add(MediaType.parse(value).withoutParameters());
            } catch (IllegalArgumentException e) {
                return refuse("Accept " + value + " is not a media type");
            }
        }
        boolean overlap = acceptable.stream().anyMatch(wanted -> answerable.stream()
                .anyMatch(offered -> offered.is(wanted) || wanted.is(offered)));
        return overlap ? ValidationReport.empty()
                : refuse("Accept " + accepted + " matches none of " + answerable.stream()
                        .map(Objects::toString).collect(Collectors.toList()));
    }

    private static ValidationReport refuse(String message) {
        return ValidationReport.singleton(ValidationReport.Message.create(KEY, message).build());
    }
}
