package org.vitrine.api.devices;

import java.time.Instant;
import java.util.List;

import org.osgi.annotation.versioning.ProviderType;

/**
 * The devices each account signed in from, and whether the account's owner wants an e-mail when a new one signs in
 * (the account's {@code new_device_notice} setting). Rows go with the account's erasure.
 *
 * <p>Threading: thread-safe; calls block on the database for a few milliseconds.
 */
@ProviderType
public interface KnownDeviceStore {

    /**
     * Records a sign-in of the account from the device with this cookie hash, atomically.
     *
     * @return {@code true} when the account had not seen that device before (it is now known)
     */
    boolean recordSignIn(long accountId, String hash, String userAgent, Instant when);

    /** Whether the account has signed in from the device with this cookie hash (lower-case hex SHA-256). */
    boolean isKnown(long accountId, String hash);

    /** How many devices the account is known to have signed in from. */
    int count(long accountId);

    /** The account's devices, most recently seen first. */
    List<KnownDevice> of(long accountId);

    /** Whether the owner wants an e-mail when a new device signs in; false for an unknown account. */
    boolean noticeWanted(long accountId);

    /** Switches the new-device e-mail of the account on or off. */
    void setNoticeWanted(long accountId, boolean wanted);
}
