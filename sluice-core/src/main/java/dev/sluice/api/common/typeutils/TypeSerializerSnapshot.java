package dev.sluice.api.common.typeutils;

import dev.sluice.core.memory.DataInputView;
import dev.sluice.core.memory.DataOutputView;
import java.io.IOException;

/**
 * The stored description of a serializer's format. It is written into checkpoints with {@link
 * TypeSerializerSnapshots#write} (class name, version, then {@link #writeSnapshot}) and read back
 * with {@link TypeSerializerSnapshots#read}, which instantiates the class through its public
 * no-argument constructor and calls {@link #readSnapshot}.
 *
 * <p>On restore, {@link #restoreSerializer()} reads data in the stored format, and {@link
 * #resolveSchemaCompatibility} tells whether the job's new serializer can read it as is, after
 * migration (read with the restore serializer, write with the new one), or not at all.
 */
public interface TypeSerializerSnapshot<T> {
  /** Version of this snapshot's own written form. */
  int getCurrentVersion();

  void writeSnapshot(DataOutputView out) throws IOException;

  void readSnapshot(int readVersion, DataInputView in, ClassLoader userCodeClassLoader)
      throws IOException;

  /** A serializer that reads data written in the format this snapshot describes. */
  TypeSerializer<T> restoreSerializer();

  /** Whether {@code newSerializer} can read data written in this snapshot's format. */
  TypeSerializerSchemaCompatibility<T> resolveSchemaCompatibility(TypeSerializer<T> newSerializer);
}
