package dev.sluice.api.common.typeutils;

import dev.sluice.core.memory.DataInputView;
import dev.sluice.core.memory.DataOutputView;
import java.io.IOException;
import java.lang.reflect.Constructor;

/** Writes and reads {@link TypeSerializerSnapshot}s together with their class and version. */
public final class TypeSerializerSnapshots {
  private TypeSerializerSnapshots() {}

  /** Writes the snapshot's class name and version, then the snapshot itself. */
  public static void write(TypeSerializerSnapshot<?> snapshot, DataOutputView out)
      throws IOException {
    out.writeUTF(snapshot.getClass().getName());
    out.writeInt(snapshot.getCurrentVersion());
    snapshot.writeSnapshot(out);
  }

  /**
   * Reads a snapshot written by {@link #write}, loading its classes (and the classes it names)
   * through {@code classLoader}.
   *
   * @throws IOException if the snapshot class cannot be found or instantiated, or the data is
   *     corrupt
   */
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

  /**
   * Resolves {@code snapshot} against {@code newSerializer} where the compiler only knows both as
   * wildcards (the nested serializers of a composite); the caller pairs them by position or name.
   */
  @SuppressWarnings("unchecked")
  public static <T> TypeSerializerSchemaCompatibility<T> resolveCompatibility(
      TypeSerializerSnapshot<?> snapshot, TypeSerializer<?> newSerializer) {
    return ((TypeSerializerSnapshot<T>) snapshot)
        .resolveSchemaCompatibility((TypeSerializer<T>) newSerializer);
  }

  /**
   * The reason to give when the part {@code what} (such as "field 'price'") of a composite is
   * incompatible: "field 'price' was Long, is now String" when the types differ by name, else
   * the nested reason ("field 'address': field 'zip' was Int, is now String").
   */
  public static String incompatibilityReason(String what, TypeSerializerSnapshot<?> old,
      TypeSerializer<?> now, TypeSerializerSchemaCompatibility<?> verdict) {
    String before = old.restoreSerializer().toString();
    String after = now.toString();
    return before.equals(after)
        ? what + ": " + verdict.reason()
        : what + " was " + before + ", is now " + after;
  }

  /**
   * Fails unless this code can read snapshot version {@code readVersion} of {@code snapshot}.
   *
   * @throws IOException if the data was written by a newer version of the snapshot
   */
  public static void checkVersion(TypeSerializerSnapshot<?> snapshot, int readVersion)
      throws IOException {
    if (readVersion < 1 || readVersion > snapshot.getCurrentVersion()) {
      throw new IOException(snapshot.getClass().getName() + " cannot read version " + readVersion
          + " of its format (it reads 1.." + snapshot.getCurrentVersion()
          + "); was the checkpoint written by a newer Sluice?");
    }
  }

  /**
   * Loads a class a snapshot names, through the user code class loader.
   *
   * @throws IOException naming the class if it no longer exists
   */
  public static Class<?> loadClass(String className, ClassLoader classLoader) throws IOException {
    try {
      return Class.forName(className, false, classLoader);
    } catch (ClassNotFoundException e) {
      throw new IOException("The stored data was written for class " + className
          + ", which cannot be found now (renamed or removed?)", e);
    }
  }
}
