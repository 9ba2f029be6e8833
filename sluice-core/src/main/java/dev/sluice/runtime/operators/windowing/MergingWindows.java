package dev.sluice.runtime.operators.windowing;

import dev.sluice.api.common.typeutils.SimpleTypeSerializerSnapshot;
import dev.sluice.api.common.typeutils.TypeSerializerSnapshot;
import dev.sluice.api.common.typeutils.base.TypeSerializerSingleton;
import dev.sluice.core.memory.DataInputView;
import dev.sluice.core.memory.DataOutputView;
import dev.sluice.runtime.typeutils.DynamicSerializer;
import java.io.IOException;

import java.util.ArrayList;
import java.util.List;

/**
 * The session windows of one key, each with the namespace its contents are stored under. When
 * windows merge, the result keeps the namespace of one window it absorbed, so extending a session
 * — the common case, one merge per element — leaves its contents where they are instead of moving
 * them to the merged window's namespace. Windows are compared by equality.
 */
final class MergingWindows<W> {
  private final ArrayList<W> windows = new ArrayList<>(2);
  private final ArrayList<W> stateWindows = new ArrayList<>(2);

  List<W> windows() {
    return windows;
  }

  int size() {
    return windows.size();
  }

  boolean isEmpty() {
    return windows.isEmpty();
  }

  boolean contains(W window) {
    return windows.contains(window);
  }

  /** The namespace of {@code window}'s contents; the window itself when it is not tracked. */
  W stateWindowOf(W window) {
    int i = windows.indexOf(window);
    return i < 0 ? window : stateWindows.get(i);
  }

  /** The namespace of the contents of the window at {@code index} of {@link #windows()}. */
  W stateWindowAt(int index) {
    return stateWindows.get(index);
  }

  /** Removes the window at {@code index} of {@link #windows()}. */
  void removeAt(int index) {
    windows.remove(index);
    stateWindows.remove(index);
  }

  void add(W window, W stateWindow) {
    windows.add(window);
    stateWindows.add(stateWindow);
  }

  void remove(W window) {
    int i = windows.indexOf(window);
    if (i >= 0) {
      windows.remove(i);
      stateWindows.remove(i);
    }
  }

  /** Checkpoint codec: the window pairs, each window encoded by its runtime class. */
  static final class Serializer extends TypeSerializerSingleton<MergingWindows<Object>> {
    private static final long serialVersionUID = 1L;
    static final Serializer INSTANCE = new Serializer();

    @Override
    public boolean isImmutableType() {
      return false;
    }

    @Override
    public MergingWindows<Object> copy(MergingWindows<Object> from) {
      MergingWindows<Object> copy = new MergingWindows<>();
      copy.windows.addAll(from.windows); // windows are immutable values
      copy.stateWindows.addAll(from.stateWindows);
      return copy;
    }

    @Override
    public void serialize(MergingWindows<Object> record, DataOutputView out) throws IOException {
      out.writeInt(record.windows.size());
      for (int i = 0; i < record.windows.size(); i++) {
        DynamicSerializer.INSTANCE.serialize(record.windows.get(i), out);
        DynamicSerializer.INSTANCE.serialize(record.stateWindows.get(i), out);
      }
    }

    @Override
    public MergingWindows<Object> deserialize(DataInputView in) throws IOException {
      int n = in.readInt();
      MergingWindows<Object> m = new MergingWindows<>();
      for (int i = 0; i < n; i++) {
        Object window = DynamicSerializer.INSTANCE.deserialize(in);
        m.add(window, DynamicSerializer.INSTANCE.deserialize(in));
      }
      return m;
    }

    @Override
    public TypeSerializerSnapshot<MergingWindows<Object>> snapshotConfiguration() {
      return new Format();
    }

    private Object readResolve() {
      return INSTANCE;
    }
  }

  /** Format of {@link Serializer}. */
  public static final class Format extends SimpleTypeSerializerSnapshot<MergingWindows<Object>> {
    public Format() {
      super(() -> Serializer.INSTANCE);
    }
  }
}
