package dev.sluice.runtime.state;

import dev.sluice.api.common.typeutils.TypeSerializer;
import dev.sluice.api.common.typeutils.TypeSerializerSnapshot;
import dev.sluice.api.common.typeutils.TypeSerializerSnapshots;
import dev.sluice.core.memory.DataInputDeserializer;
import dev.sluice.core.memory.DataInputView;
import dev.sluice.core.memory.DataOutputView;
import dev.sluice.runtime.channel.KeyGroups;
import dev.sluice.runtime.time.InternalTimerService;
import dev.sluice.runtime.time.InternalTimerService.TimerEntry;
import dev.sluice.runtime.typeutils.DynamicSerializer;
import java.io.IOException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The snapshot format of keyed state, shared by every backend so that a snapshot of one restores
 * into another, at any parallelism. The description ("meta"): format version, per state its
 * name, {@link StateKind} and serializer snapshot, and the number of timer services. One block
 * per key group: per state (in meta order) a count and that many entries {@code (namespaced,
 * key, [namespace], value)} — keys and namespaces with {@link DynamicSerializer}, values with the
 * state's serializer (list state: the whole list, map state: the whole map) — then per timer
 * service a count and its timers {@code (key, namespace, time, eventTime)}.
 */
public final class KeyedStateFormat {
  public static final int FORMAT_VERSION = 1;

  private KeyedStateFormat() {}

  /** One state of the description. */
  public record StateMeta(String name, StateKind kind, TypeSerializerSnapshot<Object> format) {}

  /** A parsed description. */
  public record Meta(List<StateMeta> states, int numTimerServices) {}

  public static void writeMeta(DataOutputView out, List<String> names, List<StateKind> kinds,
      List<TypeSerializer<Object>> serializers, int numTimerServices) throws IOException {
    out.writeInt(FORMAT_VERSION);
    out.writeInt(names.size());
    for (int i = 0; i < names.size(); i++) {
      out.writeUTF(names.get(i));
      out.writeByte(kinds.get(i).ordinal());
      TypeSerializerSnapshots.write(serializers.get(i).snapshotConfiguration(), out);
    }
    out.writeInt(numTimerServices);
  }

  public static Meta readMeta(byte[] meta) throws IOException {
    ClassLoader loader = Thread.currentThread().getContextClassLoader();
    DataInputDeserializer in = new DataInputDeserializer(meta);
    int version = in.readInt();
    if (version != FORMAT_VERSION) {
      throw new IOException("Keyed state was written in format " + version
          + ", this version of Sluice reads format " + FORMAT_VERSION);
    }
    int numStates = in.readInt();
    List<StateMeta> states = new ArrayList<>(numStates);
    for (int i = 0; i < numStates; i++) {
      String name = in.readUTF();
      StateKind kind = StateKind.values()[in.readUnsignedByte()];
      TypeSerializerSnapshot<Object> format = TypeSerializerSnapshots.read(in, loader);
      states.add(new StateMeta(name, kind, format));
    }
    return new Meta(states, in.readInt());
  }

  /** Writes one entry of a state's block; {@code namespace} null or VoidNamespace for none. */
  public static void writeEntry(DataOutputView out, Object key, Object namespace,
      TypeSerializer<Object> serializer, Object value) throws IOException {
    writeEntryKey(out, key, namespace);
    serializer.serialize(value, out);
  }

  /** Writes the part of an entry before its value (the value follows, in the state's serializer). */
  public static void writeEntryKey(DataOutputView out, Object key, Object namespace) throws IOException {
    if (namespace != null && namespace != VoidNamespace.INSTANCE) {
      out.writeBoolean(true);
      DynamicSerializer.INSTANCE.serialize(key, out);
      DynamicSerializer.INSTANCE.serialize(namespace, out);
    } else {
      out.writeBoolean(false);
      DynamicSerializer.INSTANCE.serialize(key, out);
    }
  }

  /** Receives the entries of a block as they are read. */
  @FunctionalInterface
  public interface EntryConsumer {
    /** {@code namespace} is null for plain keyed state. */
    void accept(int state, Object key, Object namespace, Object value) throws IOException;
  }

  /**
   * Reads one key group's block: entries go to {@code entries} (values read with {@code
   * readers}, one per state), timers are appended to {@code timers} (one list per service).
   */
  public static void readKeyGroup(DataInputView block, List<TypeSerializer<Object>> readers,
      EntryConsumer entries, List<List<TimerEntry>> timers) throws IOException {
    for (int s = 0; s < readers.size(); s++) {
      TypeSerializer<Object> reader = readers.get(s);
      int count = block.readInt();
      for (int j = 0; j < count; j++) {
        boolean namespaced = block.readBoolean();
        Object key = DynamicSerializer.INSTANCE.deserialize(block);
        Object namespace = namespaced ? DynamicSerializer.INSTANCE.deserialize(block) : null;
        entries.accept(s, key, namespace, reader.deserialize(block));
      }
    }
    for (List<TimerEntry> list : timers) {
      int count = block.readInt();
      for (int j = 0; j < count; j++) {
        Object key = DynamicSerializer.INSTANCE.deserialize(block);
        Object namespace = DynamicSerializer.INSTANCE.deserialize(block);
        list.add(new TimerEntry(key, namespace, block.readLong(), block.readBoolean()));
      }
    }
  }

  /**
   * The timer services of a backend: registered by operators in order, their timers copied at
   * snapshots and handed back on restore (by registration order).
   */
  public static final class Timers {
    private final List<InternalTimerService<?>> services = new ArrayList<>();
    private final List<List<TimerEntry>> restored = new ArrayList<>();

    public void register(InternalTimerService<?> service) {
      int index = services.size();
      services.add(service);
      if (index < restored.size()) {
        service.restoreTimers(restored.get(index));
        restored.set(index, List.of());
      }
    }

    /** Fresh lists to restore {@code count} services' timers into. */
    public List<List<TimerEntry>> startRestore(int count) {
      restored.clear();
      for (int i = 0; i < count; i++) {
        restored.add(new ArrayList<>());
      }
      return restored;
    }

    /** Copies every service's timers (synchronous part of a snapshot). */
    public TimerCopy snapshot(int maxParallelism) {
      List<List<TimerEntry>> copies = new ArrayList<>(services.size());
      for (InternalTimerService<?> s : services) {
        copies.add(s.snapshotTimers());
      }
      return new TimerCopy(copies, maxParallelism);
    }
  }

  /** Timers copied at a snapshot, written key group by key group. */
  public static final class TimerCopy {
    private final List<List<TimerEntry>> timers;
    private final int maxParallelism;
    private List<Map<Integer, List<TimerEntry>>> byKeyGroup;

    TimerCopy(List<List<TimerEntry>> timers, int maxParallelism) {
      this.timers = timers;
      this.maxParallelism = maxParallelism;
    }

    public int numServices() {
      return timers.size();
    }

    private void group() {
      if (byKeyGroup == null) {
        byKeyGroup = new ArrayList<>();
        for (List<TimerEntry> list : timers) {
          Map<Integer, List<TimerEntry>> byGroup = new HashMap<>();
          for (TimerEntry t : list) {
            byGroup.computeIfAbsent(KeyGroups.keyGroupFor(t.key(), maxParallelism),
                g -> new ArrayList<>()).add(t);
          }
          byKeyGroup.add(byGroup);
        }
      }
    }

    /** Whether any service has a timer in {@code keyGroup}. */
    public boolean has(int keyGroup) {
      group();
      for (Map<Integer, List<TimerEntry>> byGroup : byKeyGroup) {
        if (byGroup.containsKey(keyGroup)) {
          return true;
        }
      }
      return false;
    }

    /** Writes the timers part of a key group's block. */
    public void write(int keyGroup, DataOutputView out) throws IOException {
      group();
      for (Map<Integer, List<TimerEntry>> byGroup : byKeyGroup) {
        List<TimerEntry> list = byGroup.getOrDefault(keyGroup, List.of());
        out.writeInt(list.size());
        for (TimerEntry t : list) {
          DynamicSerializer.INSTANCE.serialize(t.key(), out);
          DynamicSerializer.INSTANCE.serialize(t.namespace(), out);
          out.writeLong(t.time());
          out.writeBoolean(t.eventTime());
        }
      }
    }
  }
}
