package dev.sluice.state.rocksdb;

import dev.sluice.api.common.typeutils.TypeSerializer;
import dev.sluice.core.memory.DataOutputSerializer;
import dev.sluice.runtime.checkpoint.CheckpointMetadata.NativeFile;
import dev.sluice.runtime.checkpoint.NativeRestore;
import dev.sluice.runtime.state.KeyedStateFormat;
import dev.sluice.runtime.state.NativeStateReader;
import dev.sluice.runtime.state.StateKind;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.rocksdb.RocksDB;

/**
 * Reads incremental RocksDB checkpoints into per-key-group blocks, for restores that cannot open
 * the files as they are: at another parallelism, or on another backend (the heap). Each old
 * database is assembled in a temporary directory (hard links to the shared SST files, copies of
 * the rest), opened read-only, and scanned key group by key group for the key groups wanted.
 */
public final class RocksDBNativeStateReader implements NativeStateReader {
  static {
    RocksDB.loadLibrary();
  }

  /** The {@code kind} of native state written by the RocksDB backend. */
  public static final String KIND = "rocksdb";
  private static final String CF_PREFIX = "state-";

  @Override
  public String kind() {
    return KIND;
  }

  @Override
  public Map<Integer, byte[]> toKeyGroups(byte[] meta, Map<Integer, byte[]> timerBlocks,
      List<NativeRestore> sources, int first, int end) throws IOException {
    KeyedStateFormat.Meta parsed = KeyedStateFormat.readMeta(meta);
    int numStates = parsed.states().size();
    List<byte[]> cfNames = new ArrayList<>(numStates);
    List<StateKind> kinds = new ArrayList<>(numStates);
    List<TypeSerializer<Object>> serializers = new ArrayList<>(numStates);
    for (KeyedStateFormat.StateMeta m : parsed.states()) {
      cfNames.add((CF_PREFIX + m.name()).getBytes(StandardCharsets.UTF_8));
      kinds.add(m.kind());
      serializers.add(m.format().restoreSerializer());
    }
    Map<Integer, byte[]> statesByGroup = new TreeMap<>();
    for (NativeRestore source : sources) {
      int from = Math.max(first, source.firstKeyGroup());
      int to = Math.min(end, source.endKeyGroup());
      if (from >= to) {
        continue;
      }
      Path dir = Files.createTempDirectory("sluice-rocksdb-restore-");
      RocksDBSnapshot reader = null;
      try {
        for (NativeFile f : source.state().files()) {
          if (f.shared()) {
            RocksDBKeyedStateBackend.linkOrCopy(source.path(f), dir.resolve(f.name()));
          } else {
            Files.copy(source.path(f), dir.resolve(f.name()));
          }
        }
        reader = new RocksDBSnapshot(null, dir, source.firstKeyGroup(), source.endKeyGroup(), meta, cfNames,
            kinds, serializers, java.util.Collections.nCopies(kinds.size(), null), null, -1);
        DataOutputSerializer block = new DataOutputSerializer(4096);
        for (int kg = from; kg < to; kg++) {
          block.clear();
          if (reader.writeStates(kg, block)) {
            statesByGroup.put(kg, block.getCopyOfBuffer());
          }
        }
      } finally {
        if (reader != null) {
          reader.release(); // deletes the directory
        } else {
          RocksDBKeyedStateBackend.deleteQuietly(dir);
        }
      }
    }
    Map<Integer, byte[]> blocks = new TreeMap<>();
    DataOutputSerializer out = new DataOutputSerializer(4096);
    for (int kg = first; kg < end; kg++) {
      byte[] states = statesByGroup.get(kg);
      byte[] timers = timerBlocks.get(kg);
      if (states == null && timers == null) {
        continue;
      }
      out.clear();
      if (states != null) {
        out.write(states);
      } else {
        for (int s = 0; s < numStates; s++) {
          out.writeInt(0);
        }
      }
      if (timers != null) {
        // a timers-only block: a zero count per state, then the timers
        byte[] part = Arrays.copyOfRange(timers, 4 * numStates, timers.length);
        out.write(part);
      } else {
        for (int t = 0; t < parsed.numTimerServices(); t++) {
          out.writeInt(0);
        }
      }
      blocks.put(kg, out.getCopyOfBuffer());
    }
    return blocks;
  }
}
