package dev.sluice.cli;

import dev.sluice.runtime.checkpoint.CheckpointMetadata;
import dev.sluice.runtime.checkpoint.CheckpointMetadata.OperatorRef;
import dev.sluice.runtime.checkpoint.CheckpointMetadata.SubtaskRef;
import dev.sluice.runtime.checkpoint.CheckpointStorage;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/**
 * {@code sluice checkpoints DIR}: lists the checkpoints and savepoints in a directory (newest
 * first, damaged ones with the reason), or, given one checkpoint or savepoint, shows its contents:
 * operators, parallelism, state sizes per subtask.
 */
@Command(name = "checkpoints", mixinStandardHelpOptions = true,
    description = {
        "List the checkpoints and savepoints in a directory, or show what one of them holds.",
        "",
        "Given a job's checkpoint directory (or a directory of savepoints), lists every",
        "checkpoint: number, time, size, and whether it is complete and intact. Given one",
        "checkpoint or savepoint (a directory with a _metadata file), shows its operators,",
        "their parallelism and the size of each subtask's state."},
    footer = {"", "Examples:", "  sluice checkpoints /tmp/sluice-demo/checkpoints",
        "  sluice checkpoints /tmp/sluice-demo/checkpoints/chk-12"})
final class CheckpointsCommand implements Callable<Integer> {
  @Spec
  CommandSpec spec;

  @Parameters(index = "0", paramLabel = "PATH", description = "A checkpoint directory, or one checkpoint or savepoint.")
  Path path;

  PrintStream out = System.out;

  @Override
  public Integer call() throws IOException {
    if (!Files.isDirectory(path)) {
      throw new ParameterException(spec.commandLine(), "No such directory: " + path);
    }
    if (Files.exists(path.resolve(CheckpointStorage.METADATA_FILE))) {
      return show(path);
    }
    return list(path);
  }

  private int list(Path dir) throws IOException {
    List<Path> candidates = new ArrayList<>();
    try (DirectoryStream<Path> entries = Files.newDirectoryStream(dir)) {
      for (Path p : entries) {
        String name = p.getFileName().toString();
        if (Files.isDirectory(p) && (name.startsWith("chk-") || name.startsWith("savepoint-"))) {
          candidates.add(p);
        }
      }
    }
    if (candidates.isEmpty()) {
      out.println("No checkpoints or savepoints in " + dir);
      return 1;
    }
    candidates.sort((a, b) -> Long.compare(number(b), number(a)));
    out.printf(Locale.ROOT, "%-28s %-10s %-24s %12s  %s%n", "NAME", "KIND", "TAKEN", "STATE", "STATUS");
    for (Path p : candidates) {
      try {
        CheckpointMetadata m = CheckpointStorage.load(p).metadata();
        out.printf(Locale.ROOT, "%-28s %-10s %-24s %12s  %s%n", p.getFileName(),
            m.savepoint() ? "savepoint" : "checkpoint", Instant.ofEpochMilli(m.timestamp()),
            bytes(m.stateSize()), "complete");
      } catch (IOException e) {
        out.printf(Locale.ROOT, "%-28s %-10s %-24s %12s  %s%n", p.getFileName(), "?", "-", "-",
            "unusable: " + e.getMessage());
      }
    }
    return 0;
  }

  private static long number(Path p) {
    String[] parts = p.getFileName().toString().split("-");
    try {
      return Long.parseLong(parts[1]);
    } catch (NumberFormatException | ArrayIndexOutOfBoundsException e) {
      return -1;
    }
  }

  private int show(Path dir) {
    CheckpointMetadata m;
    try {
      m = CheckpointStorage.load(dir).metadata();
    } catch (IOException e) {
      out.println(dir + ": not usable: " + e.getMessage());
      return 1;
    }
    out.printf(Locale.ROOT, "%s %d of job '%s', taken %s, %s of state, max parallelism %d%n",
        m.savepoint() ? "Savepoint" : "Checkpoint", m.checkpointId(), m.jobName(),
        Instant.ofEpochMilli(m.timestamp()), bytes(m.stateSize()), m.maxParallelism());
    for (OperatorRef op : m.operators().values()) {
      out.printf(Locale.ROOT, "  %-32s uid %-36s parallelism %d  %s%n", op.name(), op.operatorId(),
          op.parallelism(), bytes(op.stateSize()));
      for (SubtaskRef s : op.subtasks()) {
        StringBuilder what = new StringBuilder();
        if (!s.keyGroups().isEmpty()) {
          what.append("keyed state in ").append(s.keyGroups().size()).append(" key groups");
        }
        s.operatorStates().forEach(st -> {
          if (!st.elements().isEmpty()) {
            what.append(what.length() == 0 ? "" : ", ").append(st.name()).append(" (")
                .append(st.elements().size()).append(")");
          }
        });
        if (s.stateSize() > 0) {
          out.printf(Locale.ROOT, "    subtask %d: %s  %s%n", s.subtask(), bytes(s.stateSize()), what);
        }
      }
    }
    if (!m.coordinatorStates().isEmpty()) {
      m.coordinatorStates().forEach((op, state) -> out.printf(Locale.ROOT,
          "  source coordinator of %s: %s%n", op, bytes(state.bytes().length)));
    }
    return 0;
  }

  static String bytes(long n) {
    if (n < 1024) {
      return n + " B";
    }
    if (n < 1024 * 1024) {
      return String.format(Locale.ROOT, "%.1f KiB", n / 1024.0);
    }
    if (n < 1024L * 1024 * 1024) {
      return String.format(Locale.ROOT, "%.1f MiB", n / (1024.0 * 1024));
    }
    return String.format(Locale.ROOT, "%.2f GiB", n / (1024.0 * 1024 * 1024));
  }
}
