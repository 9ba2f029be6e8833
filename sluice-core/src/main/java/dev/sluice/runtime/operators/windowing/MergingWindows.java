package dev.sluice.runtime.operators.windowing;

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
}
