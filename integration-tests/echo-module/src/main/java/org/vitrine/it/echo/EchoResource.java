package org.vitrine.it.echo;

import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Modified;
import org.osgi.service.jakartars.whiteboard.propertytypes.JakartarsResource;
import org.osgi.service.metatype.annotations.Designate;
import org.osgi.service.metatype.annotations.ObjectClassDefinition;

import jakarta.annotation.security.PermitAll;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;

/**
 * {@code GET /api/echo}: the greeting from {@code config/echo.properties}, changed without restart.
 * {@code GET /api/echo/undeclared} is a plugin endpoint whose author forgot to declare who may call it: the
 * platform must refuse it to everyone.
 */
@Component(service = EchoResource.class, configurationPid = "org.vitrine.it.echo")
@Designate(ocd = EchoResource.Settings.class)
@JakartarsResource
@Path("echo")
public class EchoResource {

    @ObjectClassDefinition(name = "Echo")
    @interface Settings {
        String greeting() default "hello";
    }

    private volatile String greeting;

    @Activate
    public EchoResource(Settings settings) {
        this.greeting = settings.greeting();
    }

    @Modified
    void modified(Settings settings) {
        this.greeting = settings.greeting();
    }

    @PermitAll
    @GET
    @Produces(MediaType.TEXT_PLAIN)
    public String greet() {
        return greeting;
    }

    /** Deliberately without {@code @PermitAll}, {@code @RolesAllowed} or {@code @DenyAll}. */
    @GET
    @Path("undeclared")
    public String undeclared() {
        return "nobody should read this";
    }
}
