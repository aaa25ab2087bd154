package org.vitrine.core.modules;

import java.time.Instant;
import java.util.List;

import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.component.annotations.ReferenceCardinality;
import org.osgi.service.component.annotations.ReferencePolicy;
import org.osgi.service.jakartars.whiteboard.propertytypes.JSONRequired;
import org.osgi.service.jakartars.whiteboard.propertytypes.JakartarsResource;
import org.vitrine.api.audit.AuditEvent;
import org.vitrine.api.audit.AuditLog;
import org.vitrine.api.modules.Module;
import org.vitrine.api.modules.ModuleRegistry;
import org.vitrine.api.problem.DomainException;

import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.SecurityContext;

/** {@code /api/admin/modules}: the admin's view of modules and the switch for each. Admin-only by its path. */
@Component(service = ModulesResource.class)
@JakartarsResource
@JSONRequired
@Path("admin/modules")
@Produces(MediaType.APPLICATION_JSON)
public class ModulesResource {

    /** Body of {@code PUT /api/admin/modules/{id}}. */
    public record Switch(Boolean enabled) {
    }

    private final ModuleRegistry modules;
    private volatile AuditLog audit;

    @Activate
    public ModulesResource(@Reference ModuleRegistry modules) {
        this.modules = modules;
    }

    @Reference(cardinality = ReferenceCardinality.OPTIONAL, policy = ReferencePolicy.DYNAMIC)
    void setAudit(AuditLog audit) {
        this.audit = audit;
    }

    void unsetAudit(AuditLog audit) {
        if (this.audit == audit) {
            this.audit = null;
        }
    }

    @RolesAllowed("admin")
    @GET
    public List<ModuleView> list() {
        return modules.list().stream().map(ModuleView::of).toList();
    }

    @RolesAllowed("admin")
    @GET
    @Path("{id}")
    public ModuleView get(@PathParam("id") String id) {
        return modules.find(id).map(ModuleView::of)
                .orElseThrow(() -> DomainException.notFound("There is no module '" + id + "'."));
    }

    @RolesAllowed("admin")
    @PUT
    @Path("{id}")
    @Consumes(MediaType.APPLICATION_JSON)
    public ModuleView put(@PathParam("id") String id, Switch body, @Context SecurityContext security) {
        if (body == null || body.enabled() == null) {
            throw DomainException.badRequest("Send {\"enabled\": true} or {\"enabled\": false}.");
        }
        String actor = security.getUserPrincipal() == null ? null : security.getUserPrincipal().getName();
        String action = body.enabled() ? "module.enable" : "module.disable";
        try {
            Module after = modules.setEnabled(id, body.enabled());
            record(actor, action, id, after.state().name().toLowerCase(), after.reason());
            return ModuleView.of(after);
        } catch (DomainException refused) {
            record(actor, action, id, "refused", refused.getMessage());
            throw refused;
        }
    }

    private void record(String actor, String action, String target, String outcome, String detail) {
        AuditLog log = audit;
        if (log != null) {
            log.append(new AuditEvent(Instant.now(), actor, action, target, null, outcome, detail));
        }
    }
}
