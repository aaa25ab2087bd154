package org.vitrine.core.devices;

import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.jakartars.whiteboard.propertytypes.JSONRequired;
import org.osgi.service.jakartars.whiteboard.propertytypes.JakartarsResource;
import org.vitrine.api.problem.DomainException;
import org.vitrine.api.security.Caller;

import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.SecurityContext;

/**
 * {@code PUT /api/me/settings {"newDeviceNotice": bool}}: whether the signed-in person gets an e-mail when a new
 * device signs in to their account. Answers the settings as they now are ({@code GET /api/me} shows them too).
 */
@Component(service = NoticeSettingsResource.class)
@JakartarsResource
@JSONRequired
@Path("me/settings")
@Produces(MediaType.APPLICATION_JSON)
public class NoticeSettingsResource {

    public record Settings(Boolean newDeviceNotice) {
    }

    private final KnownDevices devices;

    @Activate
    public NoticeSettingsResource(@Reference KnownDevices devices) {
        this.devices = devices;
    }

    @RolesAllowed("user")
    @PUT
    @Consumes(MediaType.APPLICATION_JSON)
    public Settings change(Settings body, @Context SecurityContext security) {
        long account = Caller.of(security.getUserPrincipal()).map(Caller::accountId)
                .orElseThrow(() -> new DomainException(DomainException.Kind.UNAUTHORIZED, "Sign in first."));
        if (body == null || body.newDeviceNotice() == null) {
            throw DomainException.badRequest("Send {\"newDeviceNotice\": true} or {\"newDeviceNotice\": false}.");
        }
        devices.setNoticeWanted(account, body.newDeviceNotice());
        return new Settings(devices.noticeWanted(account));
    }
}
