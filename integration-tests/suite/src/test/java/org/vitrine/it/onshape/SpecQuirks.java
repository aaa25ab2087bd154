package org.vitrine.it.onshape;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.Operation;
import io.swagger.v3.oas.models.PathItem;
import io.swagger.v3.oas.models.security.SecurityRequirement;
import io.swagger.v3.oas.models.security.SecurityScheme;

/**
 * The few places where Onshape's OpenAPI description, read literally, would reject traffic that Onshape accepts.
 * Each adjustment is narrow and says why; nothing else in the parsed description is touched.
 */
final class SpecQuirks {

    private SpecQuirks() {
    }

    static void adjust(OpenAPI api) {
        inheritedSecurity(api);
        securityAlternatives(api);
        oauth2AsBearer(api);
    }

    /**
     * An operation without a {@code security} block falls under the top-level one (the validator only looks at
     * operations, so it is copied down). The top-level block names only {@code BasicAuth}, yet these operations,
     * sessioninfo first of all, are what OAuth applications call: they get {@code OAuth2} as well.
     */
    private static void inheritedSecurity(OpenAPI api) {
        List<SecurityRequirement> inherited = new ArrayList<>();
        if (api.getSecurity() != null) {
            inherited.addAll(api.getSecurity());
        }
        inherited.add(new SecurityRequirement().addList("OAuth2"));
        for (PathItem path : api.getPaths().values()) {
            for (Operation operation : path.readOperations()) {
                if (operation.getSecurity() == null) {
                    operation.setSecurity(inherited);
                }
            }
        }
    }

    /**
     * Operations declare {@code security: [{OAuth2: [..], BasicAuth: [..]}]}: one requirement object naming two
     * schemes, which OpenAPI reads as "both at once". Onshape means either (an OAuth2 bearer token, or API keys),
     * so each scheme becomes an alternative of its own.
     */
    private static void securityAlternatives(OpenAPI api) {
        for (PathItem path : api.getPaths().values()) {
            for (Operation operation : path.readOperations()) {
                if (operation.getSecurity() == null) {
                    continue;
                }
                List<SecurityRequirement> alternatives = new ArrayList<>();
                for (SecurityRequirement requirement : operation.getSecurity()) {
                    for (Map.Entry<String, List<String>> scheme : requirement.entrySet()) {
                        alternatives.add(new SecurityRequirement().addList(scheme.getKey(), scheme.getValue()));
                    }
                }
                operation.setSecurity(alternatives);
            }
        }
    }

    /**
     * The validator cannot check {@code type: oauth2} schemes (it lets every request pass). What OAuth2 puts on a
     * request is a bearer token in {@code Authorization}, so the scheme is checked as {@code http}/{@code bearer}:
     * a call that carries no token at all is then a violation, while whether the token is valid stays the fake's
     * business (it answers 401).
     */
    private static void oauth2AsBearer(OpenAPI api) {
        api.getComponents().getSecuritySchemes().put("OAuth2",
                new SecurityScheme().type(SecurityScheme.Type.HTTP).scheme("bearer"));
    }
}
