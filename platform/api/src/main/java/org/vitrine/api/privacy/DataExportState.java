package org.vitrine.api.privacy;

/** Where a data export stands. */
public enum DataExportState {
    /** Requested, waiting for its turn. */
    QUEUED,
    /** Being written. */
    RUNNING,
    /** The archive can be downloaded until it expires. */
    READY,
    /** Writing it failed (or Vitrine stopped meanwhile); the person may ask again at once. */
    FAILED,
    /** Its archive was removed after the download period. */
    EXPIRED
}
