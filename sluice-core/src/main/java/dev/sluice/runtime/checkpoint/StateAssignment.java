package dev.sluice.runtime.checkpoint;

import dev.sluice.runtime.channel.KeyGroups;
import dev.sluice.runtime.checkpoint.CheckpointMetadata.BlobRef;
import dev.sluice.runtime.checkpoint.CheckpointMetadata.OperatorRef;
import dev.sluice.runtime.checkpoint.CheckpointMetadata.OperatorStateRef;
import dev.sluice.runtime.checkpoint.CheckpointMetadata.SubtaskRef;
import dev.sluice.runtime.checkpoint.CheckpointMetadata.VersionedBytes;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * Hands the state of a completed checkpoint to the operator instances of a (possibly rescaled)
 * job: operators are matched by uid; keyed state goes by key group to the instance that owns it
 * now; list state is split, unioned or broadcast as its mode says.
 */
public final class StateAssignment {
  private final CheckpointStorage.Completed checkpoint;

  public StateAssignment(CheckpointStorage.Completed checkpoint) {
    this.checkpoint = checkpoint;
  }

  public CheckpointStorage.Completed checkpoint() {
    return checkpoint;
  }

  public long checkpointId() {
    return checkpoint.metadata().checkpointId();
  }

  /**
   * Checks that the checkpoint fits the job {@code jobName} with these operators (uid to display
   * name): same number of key groups, and every operator with state in the checkpoint exists in
   * the job unless {@code allowNonRestoredState}. Throws an IllegalStateException naming the mismatch.
   */
  public void checkFits(String jobName, Map<String, String> jobOperators, int maxParallelism,
      boolean allowNonRestoredState) {
    CheckpointMetadata meta = checkpoint.metadata();
    if (meta.maxParallelism() != maxParallelism) {
      throw new IllegalStateException("Cannot restore " + checkpoint.directory() + ": it was taken with maxParallelism "
          + meta.maxParallelism() + ", the job has maxParallelism " + maxParallelism
          + " (keyed state is divided into that many key groups; keep it unchanged)");
    }
    Set<String> missing = new TreeSet<>();
    for (OperatorRef op : meta.operators().values()) {
      if (!jobOperators.containsKey(op.operatorId()) && hasState(op)) {
        missing.add("'" + op.name() + "' (uid " + op.operatorId() + ")");
      }
    }
    if (!missing.isEmpty() && !allowNonRestoredState) {
      boolean otherJob = !meta.jobName().equals(jobName);
      throw new IllegalStateException("Cannot restore " + checkpoint.directory() + " (of job '"
          + meta.jobName() + "'): it holds state of operators this job does not have: "
          + String.join(", ", missing)
          + (otherJob ? "; is it a checkpoint of another job?" : "")
          + " Give operators the same uid(..) as before, or allow non-restored state to drop it.");
    }
  }

  private static boolean hasState(OperatorRef op) {
    for (SubtaskRef s : op.subtasks()) {
      if (s.keyedMeta() != null || !s.keyGroups().isEmpty()) {
        return true;
      }
      for (OperatorStateRef st : s.operatorStates()) {
        if (!st.elements().isEmpty()) {
          return true;
        }
      }
    }
    return false;
  }

  public VersionedBytes coordinatorState(String operatorId) {
    return checkpoint.metadata().coordinatorStates().get(operatorId);
  }

  /** Whether the checkpoint has state for this operator. */
  public boolean contains(String operatorId) {
    return checkpoint.metadata().operators().containsKey(operatorId);
  }

  /** The state instance {@code subtask} of {@code parallelism} of an operator starts from. */
  public OperatorRestore restoreFor(String operatorId, int subtask, int parallelism, int maxParallelism)
      throws IOException {
    OperatorRef op = checkpoint.metadata().operators().get(operatorId);
    if (op == null) {
      return OperatorRestore.nothingFrom(checkpointId());
    }
    try (Files files = new Files(checkpoint.directory())) {
      int first = KeyGroups.firstKeyGroup(subtask, maxParallelism, parallelism);
      int end = KeyGroups.endKeyGroup(subtask, maxParallelism, parallelism);
      byte[] keyedMeta = null;
      Map<Integer, byte[]> keyGroups = new TreeMap<>();
      List<NativeRestore> nativeState = new ArrayList<>();
      for (SubtaskRef old : op.subtasks()) {
        if (old.keyedMeta() == null || old.endKeyGroup() <= first || old.firstKeyGroup() >= end) {
          continue;
        }
        if (old.nativeState() != null) {
          nativeState.add(new NativeRestore(old.firstKeyGroup(), old.endKeyGroup(),
              checkpoint.directory(), old.nativeState()));
        }
        if (keyedMeta == null) {
          keyedMeta = files.read(old.file(), old.keyedMeta());
        }
        for (Map.Entry<Integer, BlobRef> e : old.keyGroups().entrySet()) {
          int kg = e.getKey();
          if (kg >= first && kg < end) {
            keyGroups.put(kg, files.read(old.file(), e.getValue()));
          }
        }
      }
      if (keyedMeta == null) {
        // no old instance overlapped (or none had keyed state): take the description of any
        for (SubtaskRef old : op.subtasks()) {
          if (old.keyedMeta() != null) {
            keyedMeta = files.read(old.file(), old.keyedMeta());
            break;
          }
        }
      }
      return new OperatorRestore(operatorStates(op, subtask, parallelism, files), keyedMeta, keyGroups,
          List.copyOf(nativeState), first, end, checkpointId());
    }
  }

  private static Map<String, List<byte[]>> operatorStates(OperatorRef op, int subtask, int parallelism,
      Files files) throws IOException {
    Map<String, OperatorStateMode> modes = new LinkedHashMap<>();
    Map<String, List<List<BlobRef>>> byName = new LinkedHashMap<>();
    Map<String, List<String>> fileOf = new HashMap<>();
    for (SubtaskRef old : op.subtasks()) {
      for (OperatorStateRef st : old.operatorStates()) {
        modes.put(st.name(), st.mode());
        byName.computeIfAbsent(st.name(), n -> new ArrayList<>()).add(st.elements());
        fileOf.computeIfAbsent(st.name(), n -> new ArrayList<>()).add(old.file());
      }
    }
    Map<String, List<byte[]>> out = new LinkedHashMap<>();
    for (Map.Entry<String, List<List<BlobRef>>> e : byName.entrySet()) {
      String name = e.getKey();
      List<List<BlobRef>> perOld = e.getValue();
      List<String> oldFiles = fileOf.get(name);
      List<byte[]> mine = new ArrayList<>();
      switch (modes.get(name)) {
        case BROADCAST -> {
          for (BlobRef b : perOld.get(0)) {
            mine.add(files.read(oldFiles.get(0), b));
          }
        }
        case UNION -> {
          for (int i = 0; i < perOld.size(); i++) {
            for (BlobRef b : perOld.get(i)) {
              mine.add(files.read(oldFiles.get(i), b));
            }
          }
        }
        case SPLIT_DISTRIBUTE -> {
          if (perOld.size() == parallelism) {
            for (BlobRef b : perOld.get(subtask)) {
              mine.add(files.read(oldFiles.get(subtask), b));
            }
          } else {
            List<String> allFiles = new ArrayList<>();
            List<BlobRef> all = new ArrayList<>();
            for (int i = 0; i < perOld.size(); i++) {
              for (BlobRef b : perOld.get(i)) {
                all.add(b);
                allFiles.add(oldFiles.get(i));
              }
            }
            int from = (int) ((long) subtask * all.size() / parallelism);
            int to = (int) ((long) (subtask + 1) * all.size() / parallelism);
            for (int i = from; i < to; i++) {
              mine.add(files.read(allFiles.get(i), all.get(i)));
            }
          }
        }
      }
      out.put(name, mine);
    }
    return out;
  }

  /** Open state files of one checkpoint, read by position. */
  private static final class Files implements AutoCloseable {
    private final Path dir;
    private final Map<String, FileChannel> open = new HashMap<>();

    Files(Path dir) {
      this.dir = dir;
    }

    byte[] read(String file, BlobRef blob) throws IOException {
      FileChannel ch = open.get(file);
      if (ch == null) {
        ch = FileChannel.open(dir.resolve(file), StandardOpenOption.READ);
        open.put(file, ch);
      }
      byte[] bytes = new byte[blob.length()];
      ByteBuffer buffer = ByteBuffer.wrap(bytes);
      long position = blob.offset();
      while (buffer.hasRemaining()) {
        int n = ch.read(buffer, position);
        if (n < 0) {
          throw new IOException(dir.resolve(file) + " ends before byte " + (blob.offset() + blob.length()));
        }
        position += n;
      }
      return bytes;
    }

    @Override
    public void close() throws IOException {
      for (FileChannel ch : open.values()) {
        ch.close();
      }
    }
  }
}
