package dev.sluice.runtime.state;

import dev.sluice.api.common.typeutils.TypeSerializer;
import dev.sluice.core.memory.DataOutputSerializer;
import dev.sluice.core.memory.DataOutputView;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.lang.management.ManagementFactory;
import java.util.concurrent.atomic.AtomicIntegerArray;

/**
 * The old values of heap entries that processing changes while a snapshot sharing them is being
 * written: the task serializes an entry's value here just before it first changes it in place, and
 * the writer writes those bytes instead of the (now changed) object.
 *
 * <p>Why not copy the object, as plain copy-on-write does: the copy becomes the live value, so
 * every entry touched during a long snapshot leaves a new live object in the young generation,
 * and the collector's next young pause has to copy all of them (with 1 GB of 1 KB values updated
 * 200,000 times a second, pauses of 100 ms and more). Pre-images go into large byte arrays that
 * the collector does not move (G1 allocates an array of at least half a region as a "humongous"
 * object and never copies it), and the live objects stay where they are.
 *
 * <p>Key groups are the unit of hand-over between the task and the writer thread, which writes
 * them in order. Per key group: {@code UNTOUCHED} (the task may record pre-images), {@code
 * RECORDING} (the task is recording one; the writer waits, which takes microseconds), {@code
 * WRITING} (the writer is serializing its entries; the task copies instead, as before) and
 * {@code WRITTEN} (the writer is done with its objects; the task changes them in place with no
 * pre-image at all). The compare-and-set on the group's state orders the task's pre-image bytes
 * before the writer's reads, and the writer's reads before the task's later changes.
 *
 * <p>Used only while this snapshot is the only one in flight; an entry that moved since the
 * snapshot (the table grew, or a removal shifted it) is not found at its slot, and falls back to
 * copy-on-write too.
 */
final class SnapshotPreImages {
  private static final int UNTOUCHED = 0;
  private static final int RECORDING = 1;
  private static final int WRITING = 2;
  private static final int WRITTEN = 3;

  /** The first chunk: small, so a snapshot with few pre-images allocates little. */
  private static final int FIRST_CHUNK = 64 * 1024;
  /** The largest chunk: big enough not to be moved by the collector (a humongous object in G1). */
  private static final int MAX_CHUNK = largeChunkSize();

  private final AtomicIntegerArray groups;
  /** The snapshot's slot copies, per state (its index in the snapshot) and key group index. */
  private final Object[][][] snapshotSlots;
  private final TypeSerializer<Object>[] serializers;
  /** Per state and key group: where the pre-images of its entries are; created by the task. */
  private final Entries[][] entries;

  // task thread only
  private final DataOutputSerializer scratch = new DataOutputSerializer(1024);
  private byte[] chunk;
  private int chunkUsed;

  /** The pre-images of one state's entries in one key group, by the entry's slot in the snapshot. */
  private static final class Entries {
    final byte[][] chunkOf;
    final int[] offsetOf;
    final int[] lengthOf;

    Entries(int slots) {
      chunkOf = new byte[slots][];
      offsetOf = new int[slots];
      lengthOf = new int[slots];
    }
  }

  SnapshotPreImages(int numKeyGroups, Object[][][] snapshotSlots, TypeSerializer<Object>[] serializers) {
    this.groups = new AtomicIntegerArray(numKeyGroups);
    this.snapshotSlots = snapshotSlots;
    this.serializers = serializers;
    this.entries = new Entries[snapshotSlots.length][numKeyGroups];
  }

  /**
   * Task thread, before it changes in place {@code value}, the object at {@code slot} of key group
   * index {@code group} of the state at {@code state} in this snapshot. True if it may: its old
   * form is recorded, or the writer is done with the group. False if the caller must copy it.
   */
  boolean beforeChange(int state, int group, int slot, Object value) {
    int status = groups.get(group);
    if (status == WRITTEN) {
      return true;
    }
    if (status != UNTOUCHED || !groups.compareAndSet(group, UNTOUCHED, RECORDING)) {
      return false; // the writer is writing this group now
    }
    try {
      Object[] slots = state >= 0 && state < snapshotSlots.length ? snapshotSlots[state][group] : null;
      if (slots == null || slot + 1 >= slots.length || slots[slot + 1] != value) {
        return false; // not where the snapshot has it: copy
      }
      record(state, group, slot >> 1, slots.length >> 1, value);
      return true;
    } finally {
      groups.set(group, UNTOUCHED);
    }
  }

  private void record(int state, int group, int index, int size, Object value) {
    scratch.clear();
    try {
      serializers[state].serialize(value, scratch);
    } catch (IOException e) {
      throw new UncheckedIOException("Could not encode a state value for the running snapshot", e);
    }
    int length = scratch.length();
    byte[] target;
    int offset;
    if (length > MAX_CHUNK / 2) {
      target = new byte[length]; // a large value gets an array of its own
      offset = 0;
    } else {
      if (chunk == null || chunk.length - chunkUsed < length) {
        int next = chunk == null ? FIRST_CHUNK : Math.min(MAX_CHUNK, chunk.length * 2);
        chunk = new byte[Math.max(next, length)];
        chunkUsed = 0;
      }
      target = chunk;
      offset = chunkUsed;
      chunkUsed += length;
    }
    System.arraycopy(scratch.getSharedBuffer(), 0, target, offset, length);
    Entries e = entries[state][group];
    if (e == null) {
      e = entries[state][group] = new Entries(size);
    }
    e.chunkOf[index] = target;
    e.offsetOf[index] = offset;
    e.lengthOf[index] = length;
  }

  /** Writer thread: takes key group index {@code group} over before writing its entries. */
  void startWriting(int group) {
    for (;;) {
      int status = groups.get(group);
      if (status == UNTOUCHED && groups.compareAndSet(group, UNTOUCHED, WRITING)) {
        return;
      }
      if (status == WRITING || status == WRITTEN) {
        throw new IllegalStateException("Key group index " + group + " of a heap snapshot is written twice");
      }
      Thread.onSpinWait(); // the task is recording a pre-image in this group: a few microseconds
    }
  }

  /** Writer thread: the group's objects are no longer read, the task may change them in place. */
  void doneWriting(int group) {
    groups.set(group, WRITTEN);
  }

  /**
   * Writer thread, between {@link #startWriting} and {@link #doneWriting}: writes the pre-image of
   * the entry at {@code slot} of the state's table copy, if it has one.
   */
  boolean writePreImage(int state, int group, int slot, DataOutputView out) throws IOException {
    Entries e = entries[state][group];
    if (e == null) {
      return false;
    }
    byte[] target = e.chunkOf[slot >> 1];
    if (target == null) {
      return false;
    }
    out.write(target, e.offsetOf[slot >> 1], e.lengthOf[slot >> 1]);
    return true;
  }

  /**
   * The size of chunk that G1 allocates as a humongous object in one region (more than half a
   * region, less than a whole one), or 4 MB when the region size cannot be read.
   */
  private static int largeChunkSize() {
    try {
      com.sun.management.HotSpotDiagnosticMXBean bean =
          ManagementFactory.getPlatformMXBean(com.sun.management.HotSpotDiagnosticMXBean.class);
      long region = Long.parseLong(bean.getVMOption("G1HeapRegionSize").getValue());
      if (region >= (1 << 20) && region <= (1 << 30)) {
        return (int) (region - 1024);
      }
    } catch (RuntimeException | LinkageError e) {
      // not HotSpot, or not G1: any large size will do
    }
    return 4 << 20;
  }
}
