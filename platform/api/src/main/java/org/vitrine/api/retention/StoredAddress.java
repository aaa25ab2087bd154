package org.vitrine.api.retention;

/**
 * A client address in one row of an {@link AddressLog}.
 *
 * @param id the row's id
 * @param ip the address as stored; may be null
 */
public record StoredAddress(long id, String ip) {
}
