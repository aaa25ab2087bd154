package org.vitrine.launcher;

import java.io.Console;
import java.util.Arrays;

/**
 * The passphrase that seals the secret key in a backup: from the environment variable {@value #ENV} (for
 * scripts), or typed at the terminal. Never a command-line argument, which other users of the machine could read
 * in the process list.
 */
final class Passphrase {

    static final String ENV = "VITRINE_BACKUP_PASSPHRASE";

    private Passphrase() {
    }

    /** A new passphrase (asked twice at a terminal); refused when short. */
    static char[] forSealing() throws RestoreRefusedException {
        char[] value = fromEnvironment();
        if (value == null) {
            Console console = requireConsole();
            value = console.readPassword("Passphrase for the secret key in the backup: ");
            char[] again = console.readPassword("The same passphrase again: ");
            if (value == null || again == null || !Arrays.equals(value, again)) {
                throw new RestoreRefusedException("The passphrases differ; no backup was written.");
            }
        }
        if (value.length < KeyEnvelope.MIN_PASSPHRASE) {
            throw new RestoreRefusedException("The passphrase is too short: use at least " + KeyEnvelope.MIN_PASSPHRASE
                    + " characters (several words are easiest to remember).");
        }
        return value;
    }

    /** The passphrase that opens a backup's key. */
    static char[] forOpening() throws RestoreRefusedException {
        char[] value = fromEnvironment();
        if (value != null) {
            return value;
        }
        char[] typed = requireConsole().readPassword("Passphrase of the secret key in the backup: ");
        if (typed == null) {
            throw new RestoreRefusedException("No passphrase given; nothing was restored.");
        }
        return typed;
    }

    private static char[] fromEnvironment() {
        String env = System.getenv(ENV);
        return env == null || env.isEmpty() ? null : env.toCharArray();
    }

    private static Console requireConsole() throws RestoreRefusedException {
        Console console = System.console();
        if (console == null) {
            throw new RestoreRefusedException("The backup's secret key needs a passphrase: set " + ENV
                    + " or run the command at a terminal.");
        }
        return console;
    }
}
