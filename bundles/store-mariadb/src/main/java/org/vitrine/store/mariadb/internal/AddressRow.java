package org.vitrine.store.mariadb.internal;

import org.vitrine.api.retention.StoredAddress;

/** The id and client address of a row of any table that keeps addresses. */
public class AddressRow {

    private long id;
    private String ip;

    public AddressRow() {
    }

    StoredAddress toAddress() {
        return new StoredAddress(id, ip);
    }

    public long getId() { return id; }
    public void setId(long id) { this.id = id; }
    public String getIp() { return ip; }
    public void setIp(String ip) { this.ip = ip; }
}
