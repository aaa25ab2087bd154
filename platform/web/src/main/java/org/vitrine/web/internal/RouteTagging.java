package org.vitrine.web.internal;

import java.lang.reflect.AnnotatedElement;

import org.osgi.service.component.annotations.Component;
import org.osgi.service.jakartars.whiteboard.propertytypes.JSONRequired;
import org.osgi.service.jakartars.whiteboard.propertytypes.JakartarsExtension;
import org.osgi.service.jakartars.whiteboard.propertytypes.JakartarsName;

import jakarta.ws.rs.Path;
import jakarta.ws.rs.Priorities;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerRequestFilter;
import jakarta.ws.rs.container.DynamicFeature;
import jakarta.ws.rs.container.ResourceInfo;
import jakarta.ws.rs.core.FeatureContext;

/**
 * Names the route an API request was routed to, as its resource declares it ({@code /api/documents/{id}}), for the
 * request meters ({@link RequestMetrics}): a path template, never the path itself, so that a series is one per
 * endpoint and not one per document or per probe. The name is set before authorization, so refused requests are
 * counted under their route too.
 */
@Component(service = DynamicFeature.class)
@JakartarsExtension
@JakartarsName("vitrine-route-tagging")
@JSONRequired
public class RouteTagging implements DynamicFeature {

    /** Request attribute holding the route of a request the API routed to a resource method. */
    static final String ROUTE = "vitrine.route";

    @Override
    public void configure(ResourceInfo resource, FeatureContext context) {
        String template = template(resource.getResourceClass(), resource.getResourceMethod());
        context.register(new Tag(template), Priorities.AUTHENTICATION);
    }

    /** The path template of a resource method below the API's base: class and method {@code @Path} joined, regular expressions left out. */
    static String template(Class<?> resourceClass, AnnotatedElement method) {
        String joined = (path(resourceClass) + "/" + path(method)).replaceAll("/+", "/").replaceAll("^/|/$", "");
        return joined.replaceAll("\\{\\s*([\\w.-]+)\\s*:[^}]*}", "{$1}");
    }

    private static String path(AnnotatedElement element) {
        Path path = element == null ? null : element.getAnnotation(Path.class);
        return path == null ? "" : path.value();
    }

    /** Puts one resource method's route on each request routed to it. */
    private record Tag(String template) implements ContainerRequestFilter {
        @Override
        public void filter(ContainerRequestContext request) {
            String base = request.getUriInfo().getBaseUri().getPath();
            request.setProperty(ROUTE, (base.endsWith("/") ? base : base + "/") + template);
        }
    }
}
