package dev.sluice.runtime.state;

import dev.sluice.runtime.checkpoint.NativeRestore;
import dev.sluice.runtime.checkpoint.OperatorRestore;
import java.io.IOException;
import java.util.ServiceLoader;

/** Converts native keyed-state files to key-group blocks with the {@link NativeStateReader} of their kind. */
public final class NativeStateReaders {
  private NativeStateReaders() {}

  /** The key-group blocks (entries and timers) of the key groups {@code restore} owns. */
  public static java.util.Map<Integer, byte[]> toKeyGroups(String operatorName, OperatorRestore restore)
      throws IOException {
    String kind = restore.nativeState().get(0).state().kind();
    for (NativeRestore n : restore.nativeState()) {
      if (!n.state().kind().equals(kind)) {
        throw new IOException("The keyed state of '" + operatorName + "' mixes native files of "
            + kind + " and " + n.state().kind());
      }
    }
    ClassLoader loader = Thread.currentThread().getContextClassLoader();
    if (loader == null) {
      loader = NativeStateReaders.class.getClassLoader();
    }
    for (NativeStateReader reader : ServiceLoader.load(NativeStateReader.class, loader)) {
      if (reader.kind().equals(kind)) {
        return reader.toKeyGroups(restore.keyedMeta(), restore.keyGroups(), restore.nativeState(),
            restore.firstKeyGroup(), restore.endKeyGroup());
      }
    }
    throw new IllegalStateException("The keyed state of '" + operatorName + "' in "
        + restore.nativeState().get(0).checkpointDir() + " is an incremental checkpoint in " + kind
        + "'s own files, and no reader of them is on the class path: add the module sluice-state-"
        + kind + " (any state backend can then restore it), or restore a savepoint taken with the "
        + kind + " state backend (savepoints are portable between backends)");
  }
}
