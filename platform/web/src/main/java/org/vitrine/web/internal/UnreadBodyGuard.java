package org.vitrine.web.internal;

import org.osgi.service.component.annotations.Component;
import org.osgi.service.jakartars.whiteboard.propertytypes.JSONRequired;
import org.osgi.service.jakartars.whiteboard.propertytypes.JakartarsExtension;
import org.osgi.service.jakartars.whiteboard.propertytypes.JakartarsName;

import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerResponseContext;
import jakarta.ws.rs.container.ContainerResponseFilter;

/**
 * Answers that leave the request's body unread (a refusal before routing or authorization, an unknown address)
 * say {@code Connection: close}. The container cannot reuse a connection with unread content on it and closes it
 * after answering; a client that was not told would send its next request into the closed connection and get no
 * answer at all.
 */
@Component(service = ContainerResponseFilter.class)
@JakartarsExtension
@JakartarsName("vitrine-unread-body-guard")
@JSONRequired
public class UnreadBodyGuard implements ContainerResponseFilter {

    @Override
    public void filter(ContainerRequestContext request, ContainerResponseContext response) {
        if (unread(request)) {
            response.getHeaders().putSingle("Connection", "close");
        }
    }

    private static boolean unread(ContainerRequestContext request) {
        try {
            return request.hasEntity();
        } catch (IllegalStateException readAndClosed) {
            return false;
        }
    }
}
