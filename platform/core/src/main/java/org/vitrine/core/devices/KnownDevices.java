package org.vitrine.core.devices;

import java.time.Instant;
import java.util.Optional;

import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.vitrine.api.devices.DeviceCookies;
import org.vitrine.api.devices.KnownDeviceStore;
import org.vitrine.core.notices.AccountNotices;

/**
 * Remembers the devices an account signs in from and tells its owner about a new one, when they want that (on by
 * default). The first device an account is seen on is not news: signing in right after registering (or for the
 * first time since devices are remembered) sends nothing. Recognises a known device by its cookie for the sign-in
 * methods ({@link DeviceCookies}).
 */
@Component(service = {KnownDevices.class, DeviceCookies.class})
public class KnownDevices implements DeviceCookies {

    private final KnownDeviceStore store;
    private final AccountNotices notices;

    @Activate
    public KnownDevices(@Reference KnownDeviceStore store, @Reference AccountNotices notices) {
        this.store = store;
        this.notices = notices;
    }

    /** A successful sign-in of the account from the device with this cookie. */
    public void signedIn(long accountId, String cookie, String userAgent, String ip, Instant when) {
        boolean firstDevice = store.count(accountId) == 0;
        String device = UserAgents.summary(userAgent);
        if (store.recordSignIn(accountId, DeviceCookie.hash(cookie), device, when) && !firstDevice && store.noticeWanted(accountId)) {
            notices.newDeviceSignIn(accountId, when, device, ip);
        }
    }

    @Override
    public Optional<String> knownDevice(long accountId, String cookieValue) {
        if (!DeviceCookie.valid(cookieValue)) {
            return Optional.empty();
        }
        String hash = DeviceCookie.hash(cookieValue);
        return store.isKnown(accountId, hash) ? Optional.of(hash) : Optional.empty();
    }

    public boolean noticeWanted(long accountId) {
        return store.noticeWanted(accountId);
    }

    public void setNoticeWanted(long accountId, boolean wanted) {
        store.setNoticeWanted(accountId, wanted);
    }
}
