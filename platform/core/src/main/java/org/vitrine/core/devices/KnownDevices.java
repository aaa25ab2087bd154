package org.vitrine.core.devices;

import java.time.Instant;

import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.vitrine.api.devices.KnownDeviceStore;
import org.vitrine.core.notices.AccountNotices;

/**
 * Remembers the devices an account signs in from and tells its owner about a new one, when they want that (on by
 * default). The first device an account is seen on is not news: signing in right after registering (or for the
 * first time since devices are remembered) sends nothing.
 */
@Component(service = KnownDevices.class)
public class KnownDevices {

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

    public boolean noticeWanted(long accountId) {
        return store.noticeWanted(accountId);
    }

    public void setNoticeWanted(long accountId, boolean wanted) {
        store.setNoticeWanted(accountId, wanted);
    }
}
