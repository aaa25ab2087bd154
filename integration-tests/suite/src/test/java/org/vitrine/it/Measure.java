package org.vitrine.it;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/** Small measuring helpers for the benchmarks. */
final class Measure {

    private Measure() {
    }

    /** Resident memory of a process in KiB (Linux), or 0 when it cannot be read. */
    static long rssKiB(long pid) {
        try {
            return Files.readAllLines(Path.of("/proc/" + pid + "/status")).stream().filter(l -> l.startsWith("VmRSS:"))
                    .mapToLong(l -> Long.parseLong(l.replaceAll("\\D", ""))).findFirst().orElse(0);
        } catch (Exception e) {
            return 0;
        }
    }

    /** The p-th percentile (nearest rank) of the values, or -1 for none. */
    static long percentile(List<Long> values, int p) {
        List<Long> sorted = new ArrayList<>(values);
        Collections.sort(sorted);
        return sorted.isEmpty() ? -1 : sorted.get(rank(sorted.size(), p));
    }

    /** The p-th percentile (nearest rank) of values already sorted, or -1 for none. */
    static long percentile(long[] sorted, int p) {
        return sorted.length == 0 ? -1 : sorted[rank(sorted.length, p)];
    }

    private static int rank(int size, int p) {
        return Math.max(0, Math.min(size - 1, (int) Math.ceil(p / 100.0 * size) - 1));
    }
}
