package org.vitrine.it.onshape;

import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.Objects;

import com.atlassian.oai.validator.OpenApiInteractionValidator;
import com.atlassian.oai.validator.report.LevelResolver;
import com.atlassian.oai.validator.report.ValidationReport;
import io.swagger.v3.oas.models.Components;
import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.parser.OpenAPIV3Parser;
import io.swagger.v3.parser.core.models.ParseOptions;
import io.swagger.v3.parser.core.models.SwaggerParseResult;

/** Reads Onshape's OpenAPI description from the test resources and prepares the validators of the contract. */
final class ContractLoader {

    private static final String SPEC = "/onshape/openapi.json";

    /** The validator of requests, and the one of responses. */
    record Validators(OpenApiInteractionValidator requests, OpenApiInteractionValidator responses) {
    }

    private ContractLoader() {
    }

    static Validators load() {
        OpenAPI api = parse(read());
        String base = URI.create(api.getServers().get(0).getUrl()).getPath();
        if (!OpenApiContract.BASE_PATH.equals(base)) {
            throw new IllegalStateException(SPEC + " now describes " + base + ", the fake serves "
                    + OpenApiContract.BASE_PATH);
        }
        SpecQuirks.adjust(api);
        return new Validators(validator(withoutSchemaLibrary(api)), validator(api));
    }

    private static String read() {
        try (InputStream in = Objects.requireNonNull(ContractLoader.class.getResourceAsStream(SPEC), SPEC)) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new IllegalStateException("cannot read " + SPEC, e);
        }
    }

    private static OpenAPI parse(String spec) {
        ParseOptions options = new ParseOptions();
        options.setResolve(true);
        options.setResolveFully(true);
        // Merging allOf chains is needed for more than the additionalProperties rule: unmerged, validating against
        // this description's mutually referring discriminators overflows the stack.
        options.setResolveCombinators(true);
        SwaggerParseResult parsed = new OpenAPIV3Parser().readContents(spec, null, options);
        if (parsed.getOpenAPI() == null) {
            throw new IllegalStateException("cannot parse " + SPEC + ": " + parsed.getMessages());
        }
        return parsed.getOpenAPI();
    }

    /**
     * The same operations without {@code components.schemas}, for checking requests. The validator copies the
     * whole schema library (12.5 MB once resolved) into every schema it compiles, which makes the first check of
     * each query parameter cost a quarter of a second; parameters are simple inline types once references are
     * resolved and need no library. (Request bodies with discriminators would; the fake answers only GETs.)
     */
    private static OpenAPI withoutSchemaLibrary(OpenAPI api) {
        return new OpenAPI()
                .openapi(api.getOpenapi())
                .info(api.getInfo())
                .servers(api.getServers())
                .security(api.getSecurity())
                .paths(api.getPaths())
                .components(new Components().securitySchemes(api.getComponents().getSecuritySchemes()));
    }

    private static OpenApiInteractionValidator validator(OpenAPI api) {
        return OpenApiInteractionValidator.createFor(api)
                .withLevelResolver(levels())
                .withStrictOperationPathMatching()
                .withCustomRequestValidation(new AcceptHeaderCheck())
                .build();
    }

    /** Everything is an error; nothing is read from property files or system properties. */
    private static LevelResolver levels() {
        return LevelResolver.create()
                .withLoader(null)
                .withDefaultLevel(ValidationReport.Level.ERROR)
                // the library ignores undeclared query parameters by default
                .withLevel("validation.request.parameter.query.unexpected", ValidationReport.Level.ERROR)
                // replaced by AcceptHeaderCheck
                .withLevel(AcceptHeaderCheck.KEY, ValidationReport.Level.IGNORE)
                .build();
    }
}
