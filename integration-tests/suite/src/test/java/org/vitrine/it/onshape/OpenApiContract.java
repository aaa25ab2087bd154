package org.vitrine.it.onshape;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Collectors;

import com.atlassian.oai.validator.model.Request;
import com.atlassian.oai.validator.model.SimpleRequest;
import com.atlassian.oai.validator.model.SimpleResponse;
import com.atlassian.oai.validator.report.ValidationReport;

/**
 * Onshape's published OpenAPI description ({@code src/test/resources/onshape/openapi.json}, MIT licence beside it)
 * as an executable contract: the fake Onshape checks every request it receives and every response it sends.
 * <p>
 * How strict, and why:
 * <ul>
 *   <li>Paths, methods, path and query parameters (types, formats, enums, ranges) and required fields are checked
 *       as the description states them. Query parameters the operation does not declare are violations too (the
 *       library ignores them by default; Onshape silently ignores them, which hides typos in clients).</li>
 *   <li>Response objects may carry only the properties their schema lists, except where the schema itself says
 *       otherwise ({@code additionalProperties}). The description never closes its objects, so by JSON Schema
 *       rules anything would pass; closing them keeps the fake from inventing fields Onshape does not document,
 *       which Vitrine would then come to rely on. {@code allOf} chains are merged before checking so that a
 *       property inherited from a parent schema is not mistaken for an extra one.</li>
 *   <li>Error responses (status 400 and above) are exempt from the description, which documents none: every
 *       operation lists only {@code 200} or a {@code default} that describes the success body. They are checked
 *       against the error shape Onshape uses instead ({@link OnshapeErrorShape}).</li>
 *   <li>{@link SpecQuirks} lists the narrow adjustments made to the parsed description, and
 *       {@link AcceptHeaderCheck} replaces the library's Accept check, which mishandles {@code image/*}.</li>
 * </ul>
 * Loaded once per JVM, on first use; {@link #loadTime()} says how long that took.
 */
public final class OpenApiContract {

    /** Where the API lives: the path of {@code servers[0]} in the description. */
    public static final String BASE_PATH = "/api/v16";

    static final String PATH_MISSING = "validation.request.path.missing";
    static final String METHOD_NOT_ALLOWED = "validation.request.operation.notAllowed";

    private static final Set<String> PREPARED = ConcurrentHashMap.newKeySet();
    private static volatile Duration loadTime;

    private final ContractLoader.Validators validators;

    private OpenApiContract(ContractLoader.Validators validators) {
        this.validators = validators;
    }

    /** The contract, loaded on first call (about two seconds) and shared by every fake in this JVM. */
    public static OpenApiContract onshape() {
        return Loaded.CONTRACT;
    }

    /** How long reading, parsing and preparing the description took. */
    public static Duration loadTime() {
        onshape();
        return loadTime;
    }

    /**
     * Checks responses to these sample calls once, so that the schemas they need are compiled now rather than
     * on first use: compiling one costs a few hundred milliseconds (the validator works through the whole schema
     * library each time), afterwards a check takes about a millisecond. Calls prepared before are skipped.
     *
     * @return how long it took
     */
    public Duration prepare(List<RecordedRequest> samples) {
        long started = System.nanoTime();
        samples.stream()
                .filter(sample -> PREPARED.add(sample.describe()))
                .forEach(sample -> checkResponse(sample, 200, Reply.JSON, "{}".getBytes(StandardCharsets.UTF_8)));
        return Duration.ofNanos(System.nanoTime() - started);
    }

    /** Violations of the contract by this request; empty when it is one Onshape documents. */
    public List<Violation> checkRequest(RecordedRequest request) {
        if (!request.path().startsWith(BASE_PATH + "/")) {
            return List.of(new Violation(PATH_MISSING, request.path() + " is not under " + BASE_PATH));
        }
        Request.Method method;
        try {
            method = Request.Method.valueOf(request.method());
        } catch (IllegalArgumentException e) {
            return List.of(new Violation(METHOD_NOT_ALLOWED, "no operation uses the method " + request.method()));
        }
        SimpleRequest.Builder built = new SimpleRequest.Builder(method, request.path(), true);
        request.query().forEach(built::withQueryParam);
        request.headers().forEach(built::withHeader);
        if (request.body().length > 0) {
            built.withBody(request.body());
        }
        return errors(validators.requests().validateRequest(built.build()));
    }

    /** Violations of the contract by this response to {@code request}. */
    public List<Violation> checkResponse(RecordedRequest request, int status, String contentType, byte[] body) {
        if (status >= 400) {
            return OnshapeErrorShape.check(status, contentType, body);
        }
        SimpleResponse.Builder built = SimpleResponse.Builder.status(status);
        if (contentType != null) {
            built.withContentType(contentType);
        }
        if (body.length > 0) {
            built.withBody(body);
        }
        return errors(validators.responses().validateResponse(request.path(), Request.Method.valueOf(request.method()),
                built.build()));
    }

    private static List<Violation> errors(ValidationReport report) {
        return report.getMessages().stream()
                .filter(m -> m.getLevel() == ValidationReport.Level.ERROR)
                .map(m -> new Violation(m.getKey(), describe(m, "")))
                .collect(Collectors.toList());
    }

    private static String describe(ValidationReport.Message message, String indent) {
        StringBuilder text = new StringBuilder(message.getMessage().replace("\n", "\n" + indent));
        if (!message.getAdditionalInfo().isEmpty()) {
            text.append(" ").append(message.getAdditionalInfo());
        }
        for (ValidationReport.Message nested : message.getNestedMessages()) {
            text.append("\n").append(indent).append("    ").append(describe(nested, indent + "    "));
        }
        return text.toString();
    }

    /** One way in which a request or response departs from the contract. */
    public record Violation(String key, String message) {
        @Override
        public String toString() {
            return message + " (" + key + ")";
        }
    }

    private static final class Loaded {
        static final OpenApiContract CONTRACT = load();

        private static OpenApiContract load() {
            long started = System.nanoTime();
            OpenApiContract contract = new OpenApiContract(ContractLoader.load());
            loadTime = Duration.ofNanos(System.nanoTime() - started);
            return contract;
        }
    }
}
