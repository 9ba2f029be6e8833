package dev.sluice.runtime;

import java.util.List;
import java.util.stream.Collectors;

/** Finds threads a job left behind. */
public final class Threads {
  private Threads() {}

  /** Live threads whose name starts with "sluice-", after waiting up to a second for them to end. */
  public static List<String> liveSluiceThreads() throws InterruptedException {
    long deadline = System.nanoTime() + 1_000_000_000L;
    List<String> live;
    do {
      live = Thread.getAllStackTraces().keySet().stream()
          .filter(Thread::isAlive)
          .map(Thread::getName)
          .filter(n -> n.startsWith("sluice-"))
          .collect(Collectors.toList());
      if (live.isEmpty()) {
        return live;
      }
      Thread.sleep(10);
    } while (System.nanoTime() < deadline);
    return live;
  }
}
