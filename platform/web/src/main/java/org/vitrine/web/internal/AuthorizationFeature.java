package org.vitrine.web.internal;

import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.component.annotations.ReferenceCardinality;
import org.osgi.service.component.annotations.ReferencePolicy;
import org.osgi.service.jakartars.whiteboard.propertytypes.JSONRequired;
import org.osgi.service.jakartars.whiteboard.propertytypes.JakartarsExtension;
import org.osgi.service.jakartars.whiteboard.propertytypes.JakartarsName;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.vitrine.api.audit.AuditEvent;
import org.vitrine.api.audit.AuditLog;

import jakarta.ws.rs.Priorities;
import jakarta.ws.rs.container.DynamicFeature;
import jakarta.ws.rs.container.ResourceInfo;
import jakarta.ws.rs.core.FeatureContext;

/**
 * Decides authorization on the resource method a request was routed to, never on its path: for every method of
 * every resource, registers an {@link AuthorizationFilter} with the {@link AccessRule} that the method's (or its
 * class's) {@code @PermitAll}, {@code @RolesAllowed} or {@code @DenyAll} declares. A method without any of them
 * is refused to everyone, so a new endpoint cannot be opened by forgetting it (this includes the {@code OPTIONS}
 * answers Jersey generates, which nobody needs).
 * <p>
 * Written by composition rather than by registering Jersey's {@code RolesAllowedDynamicFeature}: that one lets
 * undeclared methods through, and a whiteboard extension extending a third-party provider breaks the whole
 * application (STACK.md, pitfall 1).
 */
@Component(service = DynamicFeature.class)
@JakartarsExtension
@JakartarsName("vitrine-authorization")
@JSONRequired
public class AuthorizationFeature implements DynamicFeature {

    private static final Logger LOG = LoggerFactory.getLogger(AuthorizationFeature.class);

    @Reference(cardinality = ReferenceCardinality.OPTIONAL, policy = ReferencePolicy.DYNAMIC)
    private volatile AuditLog auditLog;

    @Override
    public void configure(ResourceInfo resource, FeatureContext context) {
        AccessRule rule = AccessRule.of(resource.getResourceMethod(), resource.getResourceClass());
        context.register(new AuthorizationFilter(rule, this::audit), Priorities.AUTHORIZATION);
    }

    private void audit(AuditEvent event) {
        AuditLog log = auditLog;
        if (log != null) {
            log.append(event);
        } else {
            LOG.warn("Refused {} to {} ({}); no audit log to record it in", event.target(), event.actor(), event.detail());
        }
    }
}
