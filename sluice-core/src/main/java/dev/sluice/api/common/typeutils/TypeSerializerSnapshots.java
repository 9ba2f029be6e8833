package dev.sluice.api.common.typeutils;

import dev.sluice.core.memory.DataInputView;
import dev.sluice.core.memory.DataOutputView;
import java.io.IOException;
import java.lang.reflect.Constructor;

/** Writes and reads {@link TypeSerializerSnapshot}s together with their class and version. */
public final class TypeSerializerSnapshots {
  private TypeSerializerSnapshots() {}

  public static void write(TypeSerializerSnapshot<?> snapshot, DataOutputView out)
      throws IOException {
    out.writeUTF(snapshot.getClass().getName());
    out.writeInt(snapshot.getCurrentVersion());
    snapshot.writeSnapshot(out);
  }

  @SuppressWarnings("unchecked")
  public static <T> TypeSerializerSnapshot<T> read(DataInputView in, ClassLoader classLoader)
      throws IOException {
    String className = in.readUTF();
    int version = in.readInt();
    TypeSerializerSnapshot<T> snapshot;
    try {
      Class<?> type = Class.forName(className, false, classLoader);
      Constructor<?> constructor = type.getDeclaredConstructor();
      constructor.setAccessible(true);
      snapshot = (TypeSerializerSnapshot<T>) constructor.newInstance();
    } catch (ReflectiveOperationException | ClassCastException e) {
      throw new IOException(
          "Cannot read the description of a serializer of class "
              + className
              + " (it needs a public no-argument constructor and must be on the class path)",
          e);
    }
    snapshot.readSnapshot(version, in, classLoader);
    return snapshot;
  }
}
