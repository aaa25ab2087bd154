package org.vitrine.api.retention;

/** The places where the metadata store keeps client addresses, each with the time that dates them. */
public enum AddressLog {
    /** {@code audit_events}, dated by the event. */
    AUDIT_EVENTS,
    /** {@code reports}, dated by the filing. */
    REPORTS,
    /** {@code consent_records}, dated by the decision. */
    CONSENT_RECORDS,
    /** {@code contact_requests}, dated by the arrival. */
    CONTACT_REQUESTS
}
