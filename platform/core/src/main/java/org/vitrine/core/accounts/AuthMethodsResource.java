package org.vitrine.core.accounts;

import java.util.Comparator;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.component.annotations.ReferenceCardinality;
import org.osgi.service.component.annotations.ReferencePolicy;
import org.osgi.service.jakartars.whiteboard.propertytypes.JSONRequired;
import org.osgi.service.jakartars.whiteboard.propertytypes.JakartarsResource;
import org.vitrine.api.auth.AuthMethod;

import jakarta.annotation.security.PermitAll;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;

/** {@code GET /api/auth/methods}: the sign-in methods of the modules that are on, for clients to adapt. */
@Component(service = {AuthMethodsResource.class, SignInMethods.class})
@JakartarsResource
@JSONRequired
@Path("auth/methods")
public class AuthMethodsResource implements SignInMethods {

    /** One method as clients see it. */
    public record MethodView(String id, String name, String kind, String startUrl) {
    }

    private final List<AuthMethod> methods = new CopyOnWriteArrayList<>();

    @Reference(cardinality = ReferenceCardinality.MULTIPLE, policy = ReferencePolicy.DYNAMIC)
    void addMethod(AuthMethod method) {
        methods.add(method);
    }

    void removeMethod(AuthMethod method) {
        methods.remove(method);
    }

    @PermitAll
    @GET
    @Produces(MediaType.APPLICATION_JSON)
    public List<MethodView> list() {
        return methods.stream().sorted(Comparator.comparing(AuthMethod::id))
                .map(m -> new MethodView(m.id(), m.displayName(), m.kind().name().toLowerCase(), m.startPath()))
                .toList();
    }

    @Override
    public List<AuthMethod> current() {
        return List.copyOf(methods);
    }
}
