package org.vitrine.core.imports;

import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.component.annotations.ReferenceCardinality;
import org.osgi.service.component.annotations.ReferencePolicy;
import org.vitrine.api.cad.CadProvider;
import org.vitrine.api.cad.DocumentRef;
import org.vitrine.api.problem.DomainException;

/** The CAD providers of the modules that are on (the extension point), by id. */
@Component(service = CadProviders.class)
public class CadProviders {

    private final Map<String, CadProvider> providers = new ConcurrentHashMap<>();

    @Reference(cardinality = ReferenceCardinality.MULTIPLE, policy = ReferencePolicy.DYNAMIC)
    void add(CadProvider provider) {
        providers.put(provider.id(), provider);
    }

    void remove(CadProvider provider) {
        providers.remove(provider.id(), provider);
    }

    public Optional<CadProvider> find(String id) {
        return Optional.ofNullable(id == null ? null : providers.get(id));
    }

    public List<CadProvider> all() {
        return providers.values().stream().sorted(Comparator.comparing(CadProvider::id)).toList();
    }

    /** The provider whose document address this is; 400 naming the configured providers when none is. */
    public DocumentRef recognise(String url) {
        for (CadProvider provider : all()) {
            Optional<DocumentRef> ref = provider.recognise(url);
            if (ref.isPresent()) {
                return ref.get();
            }
        }
        throw DomainException.badRequest("This is not the address of a document of a configured provider ("
                + String.join(", ", all().stream().map(CadProvider::displayName).toList()) + "). Paste the address shown "
                + "in your browser when the document is open.");
    }
}
