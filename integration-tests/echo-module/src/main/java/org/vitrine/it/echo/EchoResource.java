package org.vitrine.it.echo;

import java.util.Collections;

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
 * {@code GET /api/echo}: the greeting from {@code config/echo.properties}, said {@code repeat} times (a typed
 * setting, so tests can give it a value of the wrong type), changed without restart.
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

        int repeat() default 1;
    }

    private volatile String greeting;

    @Activate
    public EchoResource(Settings settings) {
        modified(settings);
    }

    @Modified
    void modified(Settings settings) {
        this.greeting = String.join(" ", Collections.nCopies(Math.max(1, settings.repeat()), settings.greeting()));
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
