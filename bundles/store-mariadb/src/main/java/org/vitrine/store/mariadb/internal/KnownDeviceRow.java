package org.vitrine.store.mariadb.internal;

import java.time.LocalDateTime;

import org.vitrine.api.devices.KnownDevice;

/** A row of {@code known_devices}; times are UTC. */
public class KnownDeviceRow {

    private String hash;
    private LocalDateTime firstSeen;
    private LocalDateTime lastSeen;
    private String userAgent;

    public KnownDeviceRow() {
    }

    KnownDevice toDevice() {
        return new KnownDevice(hash, UtcTimes.toInstant(firstSeen), UtcTimes.toInstant(lastSeen), userAgent);
    }

    public String getHash() { return hash; }
    public void setHash(String hash) { this.hash = hash; }
    public LocalDateTime getFirstSeen() { return firstSeen; }
    public void setFirstSeen(LocalDateTime firstSeen) { this.firstSeen = firstSeen; }
    public LocalDateTime getLastSeen() { return lastSeen; }
    public void setLastSeen(LocalDateTime lastSeen) { this.lastSeen = lastSeen; }
    public String getUserAgent() { return userAgent; }
    public void setUserAgent(String userAgent) { this.userAgent = userAgent; }
}
