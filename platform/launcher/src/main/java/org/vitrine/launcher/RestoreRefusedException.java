package org.vitrine.launcher;

/** A restore or a verification that cannot go on; the message says why and what to do. */
final class RestoreRefusedException extends Exception {

    RestoreRefusedException(String message) {
        super(message);
    }
}
