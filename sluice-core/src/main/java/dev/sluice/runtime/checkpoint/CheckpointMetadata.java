package dev.sluice.runtime.checkpoint;

import dev.sluice.core.memory.DataInputDeserializer;
import dev.sluice.core.memory.DataOutputSerializer;
import java.io.IOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.zip.CRC32;

/**
 * What a completed checkpoint or savepoint holds: per operator (by uid) and subtask, where its
 * state lies in the checkpoint's files, plus the source coordinators' state. Written last, as the
 * {@code _metadata} file; a checkpoint without valid metadata does not exist.
 *
 * @param jobName the job that took it
 * @param checkpointId its number (increasing within a job's checkpoint directory)
 * @param timestamp epoch milliseconds when it was triggered
 * @param savepoint whether it was taken on request (savepoints are never deleted by Sluice)
 * @param maxParallelism the number of key groups keyed state is divided into
 * @param operators per operator uid, its instances' state
 * @param coordinatorStates per source operator uid, its split enumerator's state
 */
public record CheckpointMetadata(String jobName, long checkpointId, long timestamp,
    boolean savepoint, int maxParallelism, Map<String, OperatorRef> operators,
    Map<String, VersionedBytes> coordinatorStates) {

  static final String MAGIC = "SLUICE-CHECKPOINT";
  /** Written: 2 (adds native keyed-state files, e.g. incremental RocksDB); read: 1 and 2. */
  static final int FORMAT_VERSION = 2;
  static final int OLDEST_READABLE_VERSION = 1;

  /** A byte range in a state file. */
  public record BlobRef(long offset, int length) {}

  /** Bytes with the version of the serializer that wrote them. */
  public record VersionedBytes(int version, byte[] bytes) {}

  /** One operator list state of one instance: its elements, each a blob. */
  public record OperatorStateRef(String name, OperatorStateMode mode, List<BlobRef> elements) {}

  /**
   * One file of a backend's native snapshot.
   *
   * @param name the file's name in the backend's own directory (e.g. {@code 000012.sst})
   * @param shared whether it lies under {@code <checkpoint base>/shared/} (and may be referenced
   *     by several checkpoints) rather than in the checkpoint's own directory
   * @param path relative to the shared directory if {@code shared}, else to the checkpoint directory
   * @param size its length in bytes
   * @param crc CRC32 of its bytes
   */
  public record NativeFile(String name, boolean shared, String path, long size, int crc) {}

  /**
   * Keyed state kept in a backend's own files (an incremental RocksDB checkpoint) instead of the
   * per-key-group blocks, which then hold only the timers.
   *
   * @param kind the backend that wrote it ({@code "rocksdb"})
   * @param backendId the writing backend instance (prefix of the shared files it uploaded)
   * @param files every file needed to open the snapshot
   */
  public record NativeStateRef(String kind, String backendId, List<NativeFile> files) {
    public long size() {
      return files.stream().mapToLong(NativeFile::size).sum();
    }
  }

  /**
   * One operator instance's state: its file (shared by the operators of a chain), the keyed
   * state description and per-key-group blocks, its list states and, for a native (incremental)
   * snapshot of keyed state, the backend's files ({@code nativeState}, else null).
   */
  public record SubtaskRef(int subtask, String file, long fileSize, int fileCrc,
      BlobRef keyedMeta, int firstKeyGroup, int endKeyGroup, Map<Integer, BlobRef> keyGroups,
      List<OperatorStateRef> operatorStates, NativeStateRef nativeState) {
    public SubtaskRef(int subtask, String file, long fileSize, int fileCrc, BlobRef keyedMeta,
        int firstKeyGroup, int endKeyGroup, Map<Integer, BlobRef> keyGroups,
        List<OperatorStateRef> operatorStates) {
      this(subtask, file, fileSize, fileCrc, keyedMeta, firstKeyGroup, endKeyGroup, keyGroups,
          operatorStates, null);
    }

    /** Bytes of state of this instance (keyed and list state, all native files included). */
    public long stateSize() {
      long n = keyedMeta == null ? 0 : keyedMeta.length();
      if (nativeState != null) {
        n += nativeState.size();
      }
      for (BlobRef b : keyGroups.values()) {
        n += b.length();
      }
      for (OperatorStateRef s : operatorStates) {
        for (BlobRef b : s.elements()) {
          n += b.length();
        }
      }
      return n;
    }
  }

  /** One operator: its display name, parallelism and instances, by subtask index. */
  public record OperatorRef(String operatorId, String name, int parallelism, List<SubtaskRef> subtasks) {
    public long stateSize() {
      return subtasks.stream().mapToLong(SubtaskRef::stateSize).sum();
    }
  }

  /** Total bytes of state. */
  public long stateSize() {
    return operators.values().stream().mapToLong(OperatorRef::stateSize).sum();
  }

  /** The metadata file's bytes, ending with a checksum of everything before it. */
  public byte[] toBytes() throws IOException {
    return toBytes(FORMAT_VERSION);
  }

  /** The bytes in format {@code version} (1: without native state; for compatibility tests). */
  byte[] toBytes(int version) throws IOException {
    DataOutputSerializer out = new DataOutputSerializer(4096);
    out.writeUTF(MAGIC);
    out.writeInt(version);
    out.writeUTF(jobName);
    out.writeLong(checkpointId);
    out.writeLong(timestamp);
    out.writeBoolean(savepoint);
    out.writeInt(maxParallelism);
    out.writeInt(operators.size());
    for (OperatorRef op : operators.values()) {
      out.writeUTF(op.operatorId());
      out.writeUTF(op.name());
      out.writeInt(op.parallelism());
      out.writeInt(op.subtasks().size());
      for (SubtaskRef s : op.subtasks()) {
        out.writeInt(s.subtask());
        out.writeUTF(s.file());
        out.writeLong(s.fileSize());
        out.writeInt(s.fileCrc());
        writeBlob(s.keyedMeta(), out);
        out.writeInt(s.firstKeyGroup());
        out.writeInt(s.endKeyGroup());
        out.writeInt(s.keyGroups().size());
        for (Map.Entry<Integer, BlobRef> e : s.keyGroups().entrySet()) {
          out.writeInt(e.getKey());
          writeBlob(e.getValue(), out);
        }
        out.writeInt(s.operatorStates().size());
        for (OperatorStateRef st : s.operatorStates()) {
          out.writeUTF(st.name());
          out.writeByte(st.mode().ordinal());
          out.writeInt(st.elements().size());
          for (BlobRef b : st.elements()) {
            writeBlob(b, out);
          }
        }
        NativeStateRef nat = s.nativeState();
        if (version < 2) {
          if (nat != null) {
            throw new IOException("format " + version + " cannot hold native keyed state");
          }
          continue;
        }
        out.writeBoolean(nat != null);
        if (nat != null) {
          out.writeUTF(nat.kind());
          out.writeUTF(nat.backendId());
          out.writeInt(nat.files().size());
          for (NativeFile f : nat.files()) {
            out.writeUTF(f.name());
            out.writeBoolean(f.shared());
            out.writeUTF(f.path());
            out.writeLong(f.size());
            out.writeInt(f.crc());
          }
        }
      }
    }
    out.writeInt(coordinatorStates.size());
    for (Map.Entry<String, VersionedBytes> e : coordinatorStates.entrySet()) {
      out.writeUTF(e.getKey());
      out.writeInt(e.getValue().version());
      out.writeInt(e.getValue().bytes().length);
      out.write(e.getValue().bytes());
    }
    CRC32 crc = new CRC32();
    crc.update(out.getSharedBuffer(), 0, out.length());
    out.writeInt((int) crc.getValue());
    return out.getCopyOfBuffer();
  }

  private static void writeBlob(BlobRef b, DataOutputSerializer out) {
    if (b == null) {
      out.writeLong(-1);
      out.writeInt(0);
    } else {
      out.writeLong(b.offset());
      out.writeInt(b.length());
    }
  }

  private static BlobRef readBlob(DataInputDeserializer in) throws IOException {
    long offset = in.readLong();
    int length = in.readInt();
    if (offset < 0) {
      return null;
    }
    if (length < 0) {
      throw new IOException("negative blob length");
    }
    return new BlobRef(offset, length);
  }

  /** Parses metadata bytes; fails with an IOException naming what is wrong if they are corrupt. */
  public static CheckpointMetadata fromBytes(byte[] bytes) throws IOException {
    if (bytes.length < 8) {
      throw new IOException("the metadata file is truncated (" + bytes.length + " bytes)");
    }
    CRC32 crc = new CRC32();
    crc.update(bytes, 0, bytes.length - 4);
    DataInputDeserializer tail = new DataInputDeserializer(bytes, bytes.length - 4, 4);
    if ((int) crc.getValue() != tail.readInt()) {
      throw new IOException("the metadata file is corrupt (checksum mismatch)");
    }
    DataInputDeserializer in = new DataInputDeserializer(bytes, 0, bytes.length - 4);
    String magic = in.readUTF();
    if (!MAGIC.equals(magic)) {
      throw new IOException("not a Sluice checkpoint metadata file");
    }
    int version = in.readInt();
    if (version < OLDEST_READABLE_VERSION || version > FORMAT_VERSION) {
      throw new IOException("checkpoint format " + version + " is not supported (this Sluice reads "
          + OLDEST_READABLE_VERSION + " to " + FORMAT_VERSION + ")");
    }
    String jobName = in.readUTF();
    long id = in.readLong();
    long timestamp = in.readLong();
    boolean savepoint = in.readBoolean();
    int maxParallelism = in.readInt();
    int numOps = in.readInt();
    Map<String, OperatorRef> operators = new LinkedHashMap<>();
    for (int i = 0; i < numOps; i++) {
      String opId = in.readUTF();
      String name = in.readUTF();
      int parallelism = in.readInt();
      int numSubtasks = in.readInt();
      List<SubtaskRef> subtasks = new ArrayList<>(numSubtasks);
      for (int s = 0; s < numSubtasks; s++) {
        int subtask = in.readInt();
        String file = in.readUTF();
        long fileSize = in.readLong();
        int fileCrc = in.readInt();
        BlobRef keyedMeta = readBlob(in);
        int firstKg = in.readInt();
        int endKg = in.readInt();
        int numKg = in.readInt();
        Map<Integer, BlobRef> keyGroups = new TreeMap<>();
        for (int k = 0; k < numKg; k++) {
          int kg = in.readInt();
          keyGroups.put(kg, readBlob(in));
        }
        int numStates = in.readInt();
        List<OperatorStateRef> states = new ArrayList<>(numStates);
        for (int k = 0; k < numStates; k++) {
          String stateName = in.readUTF();
          OperatorStateMode mode = OperatorStateMode.values()[in.readUnsignedByte()];
          int n = in.readInt();
          List<BlobRef> elements = new ArrayList<>(n);
          for (int e = 0; e < n; e++) {
            elements.add(readBlob(in));
          }
          states.add(new OperatorStateRef(stateName, mode, elements));
        }
        NativeStateRef nat = null;
        if (version >= 2 && in.readBoolean()) {
          String kind = in.readUTF();
          String backendId = in.readUTF();
          int n = in.readInt();
          List<NativeFile> files = new ArrayList<>(n);
          for (int f = 0; f < n; f++) {
            files.add(new NativeFile(in.readUTF(), in.readBoolean(), in.readUTF(), in.readLong(), in.readInt()));
          }
          nat = new NativeStateRef(kind, backendId, files);
        }
        subtasks.add(new SubtaskRef(subtask, file, fileSize, fileCrc, keyedMeta, firstKg, endKg,
            keyGroups, states, nat));
      }
      operators.put(opId, new OperatorRef(opId, name, parallelism, subtasks));
    }
    int numCoordinators = in.readInt();
    Map<String, VersionedBytes> coordinators = new LinkedHashMap<>();
    for (int i = 0; i < numCoordinators; i++) {
      String opId = in.readUTF();
      int v = in.readInt();
      byte[] b = new byte[in.readInt()];
      in.readFully(b);
      coordinators.put(opId, new VersionedBytes(v, b));
    }
    return new CheckpointMetadata(jobName, id, timestamp, savepoint, maxParallelism, operators, coordinators);
  }
}
