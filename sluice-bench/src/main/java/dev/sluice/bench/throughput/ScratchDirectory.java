package dev.sluice.bench.throughput;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.stream.Stream;

/** Temporary directories (checkpoint storage) that are deleted, with their contents, when the JVM exits. */
public final class ScratchDirectory {

    private ScratchDirectory() {}

    /** A new empty directory under {@code java.io.tmpdir}, deleted recursively at JVM exit. */
    public static Path create(String prefix) {
        try {
            Path dir = Files.createTempDirectory(prefix);
            Runtime.getRuntime().addShutdownHook(new Thread(() -> delete(dir), "delete-" + prefix));
            return dir;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * Deletes {@code dir} and everything in it. An engine may still be changing it (Flink's
     * checkpoint coordinator discards checkpoints after its job ends), so a walk that fails on
     * files vanishing or appearing is retried; a directory that still cannot be removed after three
     * walks is left behind with a warning.
     */
    public static void delete(Path dir) {
        for (int attempt = 1; Files.exists(dir); attempt++) {
            try (Stream<Path> paths = Files.walk(dir)) {
                for (Path p : paths.sorted(Comparator.reverseOrder()).toList()) {
                    Files.deleteIfExists(p);
                }
            } catch (IOException | UncheckedIOException e) {
                if (attempt == 3) {
                    if (Files.exists(dir)) {
                        System.err.println("WARNING: could not delete the temporary directory " + dir + " (" + e
                                + "); it is left behind");
                    }
                    return;
                }
                try {
                    Thread.sleep(200L * attempt);
                } catch (InterruptedException interrupted) {
                    Thread.currentThread().interrupt();
                    return;
                }
            }
        }
    }
}
