package org.vitrine.core.devices;

import java.time.Instant;
import java.util.List;

import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.jakartars.whiteboard.propertytypes.JakartarsExtension;
import org.osgi.service.jakartars.whiteboard.propertytypes.JakartarsName;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.vitrine.api.session.Session;
import org.vitrine.api.session.SessionManager;
import org.vitrine.core.http.PublicAddress;
import org.vitrine.core.http.SignInResponses;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerResponseContext;
import jakarta.ws.rs.container.ContainerResponseFilter;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.Cookie;
import jakarta.ws.rs.core.HttpHeaders;

/**
 * At every successful sign-in, whichever the method (password, Onshape, ...): gives the browser a device cookie if it
 * has none and records the device for the account, which mails the owner when the device is new to the account.
 * Failing here never fails the sign-in.
 */
@Component(service = ContainerResponseFilter.class)
@JakartarsExtension
@JakartarsName("vitrine-known-device-on-sign-in")
public class NewDeviceOnSignIn implements ContainerResponseFilter {

    private static final Logger LOG = LoggerFactory.getLogger(NewDeviceOnSignIn.class);

    private final KnownDevices devices;
    private final SessionManager sessions;
    private final boolean secure;

    @Context
    private HttpServletRequest servletRequest;

    @Activate
    public NewDeviceOnSignIn(@Reference KnownDevices devices, @Reference SessionManager sessions, @Reference PublicAddress address) {
        this.devices = devices;
        this.sessions = sessions;
        this.secure = address.https();
    }

    @Override
    public void filter(ContainerRequestContext request, ContainerResponseContext response) {
        List<Session> signedIn = SignInResponses.signedIn(response, sessions);
        if (signedIn.isEmpty()) {
            return;
        }
        Cookie cookie = request.getCookies().get(DeviceCookie.NAME);
        String device = cookie != null && DeviceCookie.valid(cookie.getValue()) ? cookie.getValue() : DeviceCookie.newValue();
        response.getHeaders().add(HttpHeaders.SET_COOKIE, DeviceCookie.header(device, secure));
        String ip = servletRequest == null ? null : servletRequest.getRemoteAddr();
        for (Session session : signedIn) {
            try {
                devices.signedIn(session.accountId(), device, request.getHeaderString(HttpHeaders.USER_AGENT), ip, Instant.now());
            } catch (RuntimeException e) {
                LOG.warn("The device of a sign-in to account {} could not be recorded: {}", session.accountId(), e.getMessage());
            }
        }
    }
}
