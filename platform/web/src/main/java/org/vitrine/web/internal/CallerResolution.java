package org.vitrine.web.internal;

import java.util.List;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;

import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.component.annotations.ReferenceCardinality;
import org.osgi.service.component.annotations.ReferencePolicy;
import org.vitrine.api.security.Caller;
import org.vitrine.api.security.CallerResolver;
import org.vitrine.api.security.Callers;
import org.vitrine.api.security.Credentials;

/** Recognises callers by asking every {@link CallerResolver} (the ops token, the session cookie, a module's own). */
@Component(service = Callers.class)
public class CallerResolution implements Callers {

    private final List<CallerResolver> resolvers = new CopyOnWriteArrayList<>();

    @Reference(cardinality = ReferenceCardinality.MULTIPLE, policy = ReferencePolicy.DYNAMIC)
    void addResolver(CallerResolver resolver) {
        resolvers.add(resolver);
    }

    void removeResolver(CallerResolver resolver) {
        resolvers.remove(resolver);
    }

    @Override
    public Optional<Caller> of(Credentials credentials) {
        for (CallerResolver resolver : resolvers) {
            Optional<Caller> caller = resolver.resolve(credentials);
            if (caller.isPresent()) {
                return caller;
            }
        }
        return Optional.empty();
    }
}
