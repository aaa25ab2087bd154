package org.vitrine.onshape.client;

/**
 * Who is waiting for a call to Onshape. Each lane has its own calls-at-once budget, so a person browsing the picker
 * or signing in never queues behind import jobs that keep every background call busy (or stalled).
 */
public enum Lane {

    /** A person is waiting: the import picker, its thumbnails, the import of one pasted address. */
    INTERACTIVE,
    /** Import jobs working through their documents. */
    BACKGROUND,
    /** Sign-in and token refreshes at Onshape's OAuth server. */
    SIGN_IN
}
