package org.vitrine.api.moderation;

/** Whether a report still waits for a moderator. */
public enum ReportState {
    OPEN, CLOSED
}
