package dev.sluice.state.rocksdb;

import dev.sluice.api.common.typeutils.TypeSerializer;
import dev.sluice.core.memory.DataInputDeserializer;
import dev.sluice.core.memory.DataOutputSerializer;
import dev.sluice.core.memory.DataOutputView;
import dev.sluice.runtime.checkpoint.KeyedStateSnapshot;
import dev.sluice.runtime.state.KeyedStateFormat;
import dev.sluice.runtime.state.StateKind;
import dev.sluice.runtime.typeutils.DynamicSerializer;
import dev.sluice.runtime.checkpoint.CheckpointMetadata.NativeFile;
import dev.sluice.runtime.checkpoint.CheckpointMetadata.NativeStateRef;
import dev.sluice.runtime.checkpoint.CheckpointStorage;
import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Stream;
import java.util.zip.CRC32;
import org.rocksdb.ColumnFamilyDescriptor;
import org.rocksdb.ColumnFamilyHandle;
import org.rocksdb.ColumnFamilyOptions;
import org.rocksdb.DBOptions;
import org.rocksdb.InfoLogLevel;
import org.rocksdb.ReadOptions;
import org.rocksdb.RocksDB;
import org.rocksdb.RocksDBException;
import org.rocksdb.RocksIterator;
import org.rocksdb.StringAppendOperator;

/**
 * A RocksDB checkpoint (hard links, taken at the barrier) written out on a checkpoint writer
 * thread. Full (savepoints, and checkpoints unless incremental): in the shared per-key-group
 * format — the checkpoint is opened read-only and each state's column family is scanned key group
 * by key group. Incremental: its SST files go to the checkpoint storage's shared directory unless
 * a completed checkpoint already holds them, MANIFEST, CURRENT and OPTIONS into the checkpoint's
 * directory, and the key-group blocks hold only the timers. Its directory is removed on release.
 * Also reads native files of a checkpoint for {@link RocksDBNativeStateReader} (backend null).
 */
final class RocksDBSnapshot implements KeyedStateSnapshot {
  private final RocksDBKeyedStateBackend backend;
  private final Path dir;
  private final int firstKeyGroup;
  private final int endKeyGroup;
  private final byte[] meta;
  private final List<byte[]> cfNames;
  private final List<StateKind> kinds;
  private final List<TypeSerializer<Object>> serializers;
  /** Per state, what leaves its expired values out (states with a time to live), or null. */
  private final List<java.util.function.UnaryOperator<Object>> cleaners;
  private final KeyedStateFormat.TimerCopy timers;
  /** The checkpoint an incremental snapshot belongs to; -1 for a full one. */
  private final long incrementalCheckpointId;
  private long nativeBytesWritten;

  // opened on first use, on the writer thread
  private DBOptions options;
  private ColumnFamilyOptions cfOptions;
  private StringAppendOperator merge;
  private ReadOptions readOptions;
  private RocksDB db;
  private final List<ColumnFamilyHandle> handles = new ArrayList<>();
  private ColumnFamilyHandle[] stateHandles;
  private boolean released;

  RocksDBSnapshot(RocksDBKeyedStateBackend backend, Path dir, int firstKeyGroup, int endKeyGroup, byte[] meta, List<byte[]> cfNames,
      List<StateKind> kinds, List<TypeSerializer<Object>> serializers,
      List<java.util.function.UnaryOperator<Object>> cleaners, KeyedStateFormat.TimerCopy timers,
      long incrementalCheckpointId) {
    this.cleaners = cleaners;
    this.incrementalCheckpointId = incrementalCheckpointId;
    this.backend = backend;
    this.dir = dir;
    this.firstKeyGroup = firstKeyGroup;
    this.endKeyGroup = endKeyGroup;
    this.meta = meta;
    this.cfNames = cfNames;
    this.kinds = kinds;
    this.serializers = serializers;
    this.timers = timers;
  }

  @Override
  public int firstKeyGroup() {
    return firstKeyGroup;
  }

  @Override
  public int endKeyGroup() {
    return endKeyGroup;
  }

  @Override
  public void writeMeta(DataOutputView out) throws IOException {
    out.write(meta);
  }

  private synchronized void open() throws IOException {
    if (db != null) {
      return;
    }
    if (released) {
      throw new IOException("The snapshot was released");
    }
    try {
      options = new DBOptions().setInfoLogLevel(InfoLogLevel.HEADER_LEVEL).setKeepLogFileNum(1);
      merge = new StringAppendOperator(',');
      cfOptions = new ColumnFamilyOptions().setMergeOperator(merge);
      readOptions = new ReadOptions().setFillCache(false);
      List<byte[]> existing;
      try (org.rocksdb.Options listOptions = new org.rocksdb.Options()) {
        existing = RocksDB.listColumnFamilies(listOptions, dir.toString());
      }
      List<ColumnFamilyDescriptor> descriptors = new ArrayList<>();
      for (byte[] name : existing) {
        descriptors.add(new ColumnFamilyDescriptor(name, cfOptions));
      }
      db = RocksDB.openReadOnly(options, dir.toString(), descriptors, handles);
      stateHandles = new ColumnFamilyHandle[cfNames.size()];
      for (int i = 0; i < cfNames.size(); i++) {
        for (int j = 0; j < existing.size(); j++) {
          if (Arrays.equals(existing.get(j), cfNames.get(i))) {
            stateHandles[i] = handles.get(j);
          }
        }
        if (stateHandles[i] == null) {
          throw new IOException("The RocksDB snapshot in " + dir + " lacks the column family "
              + new String(cfNames.get(i), java.nio.charset.StandardCharsets.UTF_8));
        }
      }
    } catch (RocksDBException e) {
      throw new IOException("Cannot open the RocksDB snapshot in " + dir + ": " + e.getMessage(), e);
    }
  }

  @Override
  public boolean writeKeyGroup(int keyGroup, DataOutputView out) throws IOException {
    if (incrementalCheckpointId >= 0) {
      // the entries are in the SST files: the block holds the timers only
      if (!timers.has(keyGroup)) {
        return false;
      }
      for (int s = 0; s < cfNames.size(); s++) {
        out.writeInt(0);
      }
      timers.write(keyGroup, out);
      return true;
    }
    DataOutputSerializer block = new DataOutputSerializer(1024);
    boolean any = writeStates(keyGroup, block);
    any |= timers.has(keyGroup);
    if (!any) {
      return false;
    }
    out.write(block.getSharedBuffer(), 0, block.length());
    timers.write(keyGroup, out);
    return true;
  }

  /** Writes the states part of a key group's block (a count per state, then its entries); true if any. */
  boolean writeStates(int keyGroup, DataOutputSerializer block) throws IOException {
    open();
    byte[] groupPrefix = {(byte) (keyGroup >>> 8), (byte) keyGroup};
    DataInputDeserializer in = new DataInputDeserializer();
    DataInputDeserializer valueIn = new DataInputDeserializer();
    boolean any = false;
    for (int s = 0; s < stateHandles.length; s++) {
      DataOutputSerializer entries = new DataOutputSerializer(256);
      int count = 0;
      StateKind kind = kinds.get(s);
      TypeSerializer<Object> serializer = serializers.get(s);
      java.util.function.UnaryOperator<Object> cleaner = cleaners.get(s);
      try (RocksIterator it = db.newIterator(stateHandles[s], readOptions)) {
        byte[] mapPrefix = null;
        int mapPrefixLength = 0;
        HashMap<Object, Object> map = null;
        for (it.seek(groupPrefix); it.isValid(); it.next()) {
          byte[] k = it.key();
          if (k[0] != groupPrefix[0] || k[1] != groupPrefix[1]) {
            break;
          }
          int p = RocksDBKeyedStateBackend.prefixLength(k, in);
          if (kind == StateKind.MAP) {
            if (mapPrefix == null || p != mapPrefixLength || !Arrays.equals(k, 0, p, mapPrefix, 0, p)) {
              if (map != null && !map.isEmpty()) {
                writeEntry(entries, mapPrefix, mapPrefixLength, serializer, map, in);
                count++;
              }
              map = new HashMap<>();
              mapPrefix = k;
              mapPrefixLength = p;
            }
            in.setBuffer(k, p, k.length - p);
            Object userKey = RocksDBKeyedStateBackend.mapKeys(serializer).deserialize(in);
            in.setBuffer(it.value());
            Object value = RocksDBKeyedStateBackend.readMapValue(in, RocksDBKeyedStateBackend.mapValues(serializer));
            if (cleaner == null || value == null || cleaner.apply(value) != null) {
              map.put(userKey, value);
            }
          } else if (kind == StateKind.LIST) {
            List<Object> list = RocksDBKeyedStateBackend.readElements(it.value(),
                RocksDBKeyedStateBackend.listElements(serializer));
            if (cleaner != null && !list.isEmpty()) {
              @SuppressWarnings("unchecked")
              List<Object> kept = (List<Object>) cleaner.apply(list);
              list = kept == null ? List.of() : kept;
            }
            if (!list.isEmpty()) {
              writeEntry(entries, k, p, serializer, list, in);
              count++;
            }
          } else {
            if (cleaner != null) {
              valueIn.setBuffer(it.value());
              if (cleaner.apply(serializer.deserialize(valueIn)) == null) {
                continue; // expired
              }
            }
            writeHeader(entries, k, p, in);
            entries.write(it.value());
            count++;
          }
        }
        if (map != null && !map.isEmpty()) {
          writeEntry(entries, mapPrefix, mapPrefixLength, serializer, map, in);
          count++;
        }
      }
      block.writeInt(count);
      block.write(entries.getSharedBuffer(), 0, entries.length());
      any |= count > 0;
    }
    return any;
  }

  @Override
  public NativeStateRef writeNativeFiles(Path checkpointDir) throws IOException {
    if (incrementalCheckpointId < 0) {
      return null;
    }
    String id = backend.backendId();
    Path shared = CheckpointStorage.sharedDirOf(checkpointDir);
    Files.createDirectories(shared);
    String privateName = "rocksdb-" + id;
    Path privateDir = checkpointDir.resolve(privateName);
    // not createDirectories: a checkpoint abandoned meanwhile has had its directory deleted, and
    // must not get it back (an incomplete chk-n/ would be left behind)
    Files.createDirectory(privateDir);
    List<Path> local;
    try (Stream<Path> list = Files.list(dir)) {
      local = list.filter(Files::isRegularFile).sorted().toList();
    }
    List<NativeFile> files = new ArrayList<>(local.size());
    Map<String, NativeFile> ssts = new HashMap<>();
    for (Path f : local) {
      if (!Files.isDirectory(checkpointDir)) {
        throw new IOException("Checkpoint directory " + checkpointDir + " is gone: the checkpoint was abandoned");
      }
      String name = f.getFileName().toString();
      if (name.endsWith(".sst")) {
        NativeFile known = backend.confirmedSharedFile(name);
        if (known == null || !hasSize(shared.resolve(known.path()), known.size())) {
          // new since the last completed checkpoint (or its upload went missing): upload it
          String target = id + "-" + name;
          int crc = copy(f, shared.resolve(target), true);
          long size = Files.size(f);
          nativeBytesWritten += size;
          known = new NativeFile(name, true, target, size, crc);
        }
        files.add(known);
        ssts.put(name, known);
      } else {
        // MANIFEST, CURRENT, OPTIONS (small): copied with every checkpoint
        int crc = copy(f, privateDir.resolve(name), false);
        long size = Files.size(f);
        nativeBytesWritten += size;
        files.add(new NativeFile(name, false, privateName + "/" + name, size, crc));
      }
    }
    backend.snapshotFilesWritten(incrementalCheckpointId, ssts);
    return new NativeStateRef(RocksDBNativeStateReader.KIND, id, List.copyOf(files));
  }

  @Override
  public long nativeBytesWritten() {
    return nativeBytesWritten;
  }

  private static boolean hasSize(Path file, long size) {
    try {
      return Files.size(file) == size;
    } catch (IOException e) {
      return false;
    }
  }

  /**
   * Copies {@code from} to {@code to}, forced to disk, and returns the CRC32 of the bytes; with
   * {@code atomic}, through a temporary file renamed into place (a concurrent upload of the same
   * file, by an abandoned checkpoint, then leaves either copy whole).
   */
  static int copy(Path from, Path to, boolean atomic) throws IOException {
    Path target = atomic ? to.resolveSibling("." + to.getFileName() + ".inprogress-" + UUID.randomUUID()) : to;
    CRC32 crc = new CRC32();
    byte[] buffer = new byte[1 << 16];
    try (InputStream in = Files.newInputStream(from);
        FileChannel out = FileChannel.open(target, StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE)) {
      int n;
      while ((n = in.read(buffer)) > 0) {
        crc.update(buffer, 0, n);
        ByteBuffer b = ByteBuffer.wrap(buffer, 0, n);
        while (b.hasRemaining()) {
          out.write(b);
        }
      }
      out.force(true);
    } catch (IOException e) {
      Files.deleteIfExists(target);
      throw e;
    }
    if (atomic) {
      try {
        Files.move(target, to, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
      } catch (IOException e) {
        Files.deleteIfExists(target);
        throw e;
      }
    }
    return (int) crc.getValue();
  }

  /** Writes (namespaced, key, [namespace]) from the raw bytes of a RocksDB key prefix. */
  private static void writeHeader(DataOutputSerializer out, byte[] k, int prefixLength, DataInputDeserializer in)
      throws IOException {
    in.setBuffer(k, 2, prefixLength - 2);
    DynamicSerializer.INSTANCE.deserialize(in);
    int keyEnd = in.getPosition();
    boolean namespaced = k[keyEnd] != 0;
    out.writeBoolean(namespaced);
    out.write(k, 2, keyEnd - 2);
    if (namespaced) {
      out.write(k, keyEnd + 1, prefixLength - keyEnd - 1);
    }
  }

  private static void writeEntry(DataOutputSerializer out, byte[] k, int prefixLength,
      TypeSerializer<Object> serializer, Object value, DataInputDeserializer in) throws IOException {
    writeHeader(out, k, prefixLength, in);
    serializer.serialize(value, out);
  }

  @Override
  public synchronized void release() {
    if (released) {
      return;
    }
    released = true;
    for (ColumnFamilyHandle h : handles) {
      RocksDBKeyedStateBackend.closeQuietly(h);
    }
    handles.clear();
    if (db != null) {
      try {
        db.closeE();
      } catch (RocksDBException e) {
        // the directory goes below either way
      }
    }
    for (AutoCloseable c : new AutoCloseable[] {readOptions, cfOptions, merge, options}) {
      RocksDBKeyedStateBackend.closeQuietly(c);
    }
    RocksDBKeyedStateBackend.deleteQuietly(dir);
    if (backend != null) {
      backend.snapshotReleased(this);
    }
  }
}
