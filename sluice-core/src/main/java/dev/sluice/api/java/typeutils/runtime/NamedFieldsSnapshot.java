package dev.sluice.api.java.typeutils.runtime;

import dev.sluice.api.common.typeutils.TypeSerializer;
import dev.sluice.api.common.typeutils.TypeSerializerSchemaCompatibility;
import dev.sluice.api.common.typeutils.TypeSerializerSnapshot;
import dev.sluice.api.common.typeutils.TypeSerializerSnapshots;
import dev.sluice.core.memory.DataInputView;
import dev.sluice.core.memory.DataOutputView;
import java.io.IOException;
import java.util.Arrays;
import java.util.List;

/**
 * Format of a serializer of named fields (POJOs, records): the class name, then each field's
 * name and its serializer's snapshot, in written order. The class is looked up by name on
 * restore, so the restore serializer reads old data into the class as it is now: fields the
 * class lost are read and dropped, fields it gained are left empty.
 *
 * <p>Compatibility with a new serializer: as is when the fields, their order and their
 * serializers are the same; after migration when fields were added, removed or reordered, or a
 * field's serializer needs migration; incompatible when the class was renamed or a field that
 * exists in both changed its type incompatibly (the reason names the field and both types).
 */
abstract class NamedFieldsSnapshot<T> implements TypeSerializerSnapshot<T> {
  private final Class<?> serializerClass;
  private Class<T> typeClass;
  private String[] fieldNames;
  private TypeSerializerSnapshot<?>[] fieldSnapshots;

  /** For reading. */
  NamedFieldsSnapshot(Class<?> serializerClass) {
    this.serializerClass = serializerClass;
  }

  /** For writing. */
  NamedFieldsSnapshot(NamedFieldsSerializer<T> serializer) {
    this.serializerClass = serializer.getClass();
    this.typeClass = serializer.getTypeClass();
    this.fieldNames = serializer.getFieldNames();
    TypeSerializer<?>[] fieldSerializers = serializer.getFieldSerializers();
    this.fieldSnapshots = new TypeSerializerSnapshot<?>[fieldSerializers.length];
    for (int i = 0; i < fieldSerializers.length; i++) {
      fieldSnapshots[i] = fieldSerializers[i].snapshotConfiguration();
    }
  }

  /** A serializer for {@code typeClass} reading and writing the given fields in that order. */
  abstract TypeSerializer<T> create(
      Class<T> typeClass, String[] fieldNames, TypeSerializer<?>[] fieldSerializers);

  /**
   * Checks that the class read from a snapshot is still of the kind this format needs.
   *
   * @throws IOException saying what the class was and what it is now
   */
  abstract void checkKind(Class<?> typeClass) throws IOException;

  @Override
  public int getCurrentVersion() {
    return 1;
  }

  @Override
  public void writeSnapshot(DataOutputView out) throws IOException {
    out.writeUTF(typeClass.getName());
    out.writeInt(fieldNames.length);
    for (int i = 0; i < fieldNames.length; i++) {
      out.writeUTF(fieldNames[i]);
      TypeSerializerSnapshots.write(fieldSnapshots[i], out);
    }
  }

  @Override
  @SuppressWarnings("unchecked")
  public void readSnapshot(int readVersion, DataInputView in, ClassLoader classLoader)
      throws IOException {
    TypeSerializerSnapshots.checkVersion(this, readVersion);
    Class<?> type = TypeSerializerSnapshots.loadClass(in.readUTF(), classLoader);
    checkKind(type);
    typeClass = (Class<T>) type;
    int n = in.readInt();
    if (n < 0) {
      throw new IOException("negative number of fields " + n + " (corrupt data)");
    }
    fieldNames = new String[n];
    fieldSnapshots = new TypeSerializerSnapshot<?>[n];
    for (int i = 0; i < n; i++) {
      fieldNames[i] = in.readUTF();
      fieldSnapshots[i] = TypeSerializerSnapshots.read(in, classLoader);
    }
  }

  @Override
  public TypeSerializer<T> restoreSerializer() {
    TypeSerializer<?>[] serializers = new TypeSerializer<?>[fieldSnapshots.length];
    for (int i = 0; i < serializers.length; i++) {
      serializers[i] = fieldSnapshots[i].restoreSerializer();
    }
    return create(typeClass, fieldNames, serializers);
  }

  @Override
  public TypeSerializerSchemaCompatibility<T> resolveSchemaCompatibility(
      TypeSerializer<T> newSerializer) {
    if (newSerializer.getClass() != serializerClass
        || !((NamedFieldsSerializer<?>) newSerializer).getTypeClass().getName()
            .equals(typeClass.getName())) {
      return TypeSerializerSchemaCompatibility.incompatible(
          "stored as " + restoreSerializer() + ", now " + newSerializer);
    }
    NamedFieldsSerializer<?> now = (NamedFieldsSerializer<?>) newSerializer;
    List<String> newNames = Arrays.asList(now.getFieldNames());
    TypeSerializer<?>[] newSerializers = now.getFieldSerializers();
    boolean migrate = !newNames.equals(Arrays.asList(fieldNames));
    for (int i = 0; i < fieldNames.length; i++) {
      int j = newNames.indexOf(fieldNames[i]);
      if (j < 0) {
        continue; // a removed field: its old values are dropped
      }
      TypeSerializerSchemaCompatibility<?> verdict =
          TypeSerializerSnapshots.resolveCompatibility(fieldSnapshots[i], newSerializers[j]);
      if (verdict.isIncompatible()) {
        return TypeSerializerSchemaCompatibility.incompatible(
            TypeSerializerSnapshots.incompatibilityReason("field '" + fieldNames[i] + "' of "
                + typeClass.getName(), fieldSnapshots[i], newSerializers[j], verdict));
      }
      migrate |= verdict.isCompatibleAfterMigration();
    }
    return migrate
        ? TypeSerializerSchemaCompatibility.compatibleAfterMigration()
        : TypeSerializerSchemaCompatibility.compatibleAsIs();
  }
}
