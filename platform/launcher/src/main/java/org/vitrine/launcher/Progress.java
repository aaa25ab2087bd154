package org.vitrine.launcher;

import java.io.PrintStream;

/**
 * Progress of a backup, restore or verification as lines on standard error (standard output keeps the result):
 * every step, and a running count at most once a second.
 */
final class Progress {

    static final Progress SILENT = new Progress(null);
    private final PrintStream out;
    private long last;

    Progress(PrintStream out) {
        this.out = out;
    }

    void line(String text) {
        if (out != null) {
            out.println(text);
            last = System.nanoTime();
        }
    }

    /** The line, unless one was printed less than a second ago. */
    void every(String text) {
        if (System.nanoTime() - last >= 1_000_000_000L) {
            line(text);
        }
    }

    static String bytes(long n) {
        if (n < 1024 * 1024) {
            return (n + 1023) / 1024 + " KiB";
        }
        return String.format(java.util.Locale.ROOT, "%.1f MiB", n / (1024.0 * 1024.0));
    }
}
