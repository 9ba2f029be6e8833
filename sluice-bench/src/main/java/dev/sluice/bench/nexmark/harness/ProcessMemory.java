package dev.sluice.bench.nexmark.harness;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/** The resident set size peak (VmHWM) of this process, from Linux's /proc/self. */
final class ProcessMemory {
    private ProcessMemory() {}

    /** VmHWM of /proc/self/status in bytes, or -1 where there is none (not Linux). */
    static long peakRssBytes() {
        try {
            for (String line : Files.readAllLines(Path.of("/proc/self/status"))) {
                if (line.startsWith("VmHWM:")) {
                    return Long.parseLong(line.replaceAll("[^0-9]", "")) * 1024;
                }
            }
        } catch (IOException | RuntimeException e) {
            return -1;
        }
        return -1;
    }

    /**
     * Resets VmHWM to the current RSS (writes "5" to /proc/self/clear_refs, Linux 4.0+).
     *
     * @return whether it worked; if not, the peak covers the process's whole life
     */
    static boolean resetPeakRss() {
        try {
            Files.writeString(Path.of("/proc/self/clear_refs"), "5");
            return true;
        } catch (IOException | RuntimeException e) {
            return false;
        }
    }
}
