package org.vitrine.launcher;

/** A setting is missing or malformed; the message names the file (or variable) and the key. */
public class InvalidSettingsException extends Exception {

    private static final long serialVersionUID = 1L;

    public InvalidSettingsException(String message) {
        super(message);
    }
}
