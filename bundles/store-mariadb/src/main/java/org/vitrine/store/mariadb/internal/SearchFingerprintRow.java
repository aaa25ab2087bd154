package org.vitrine.store.mariadb.internal;

import java.time.LocalDateTime;

/** What changes when the public catalog changes: see {@link MariaDbSearchSource#fingerprint()}. */
public class SearchFingerprintRow {

    private long publicCount;
    private long publicIdSum;
    private LocalDateTime lastUpdate;
    private LocalDateTime lastTakedown;

    String value() {
        return publicCount + "/" + publicIdSum + "/" + lastUpdate + "/" + lastTakedown;
    }

    public long getPublicCount() { return publicCount; }
    public void setPublicCount(long publicCount) { this.publicCount = publicCount; }
    public long getPublicIdSum() { return publicIdSum; }
    public void setPublicIdSum(long publicIdSum) { this.publicIdSum = publicIdSum; }
    public LocalDateTime getLastUpdate() { return lastUpdate; }
    public void setLastUpdate(LocalDateTime lastUpdate) { this.lastUpdate = lastUpdate; }
    public LocalDateTime getLastTakedown() { return lastTakedown; }
    public void setLastTakedown(LocalDateTime lastTakedown) { this.lastTakedown = lastTakedown; }
}
