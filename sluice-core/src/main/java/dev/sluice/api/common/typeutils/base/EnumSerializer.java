package dev.sluice.api.common.typeutils.base;

import dev.sluice.api.common.typeutils.TypeSerializer;
import dev.sluice.api.common.typeutils.TypeSerializerSchemaCompatibility;
import dev.sluice.api.common.typeutils.TypeSerializerSnapshot;
import dev.sluice.api.common.typeutils.TypeSerializerSnapshots;
import dev.sluice.core.memory.DataInputView;
import dev.sluice.core.memory.DataOutputView;
import java.io.IOException;
import java.lang.reflect.Array;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Serializer for an enum: the constant's index (int) in the serializer's list of constant names.
 * That list is the enum's declaration order and is stored in the snapshot, so data stays
 * readable when constants are reordered or added: the restore serializer maps each stored index
 * to the constant of that name. Reading a constant that no longer exists fails with its name.
 */
public final class EnumSerializer<E extends Enum<E>> extends TypeSerializer<E> {
  private static final long serialVersionUID = 1L;

  private final Class<E> enumClass;
  /** Constant names by written index. */
  private final String[] names;
  /** Constants by written index; null where the class no longer has that name. */
  private final E[] byIndex;
  /** Written index by ordinal; -1 where the written format lacks that constant. */
  private final int[] indexByOrdinal;

  /** A serializer writing {@code enumClass}'s constants in declaration order. */
  public EnumSerializer(Class<E> enumClass) {
    this(enumClass, Arrays.stream(constants(enumClass)).map(Enum::name).toArray(String[]::new));
  }

  /** A serializer of the format whose constants were {@code names}, for {@code enumClass}. */
  @SuppressWarnings("unchecked")
  private EnumSerializer(Class<E> enumClass, String[] names) {
    this.enumClass = enumClass;
    this.names = names.clone();
    E[] constants = constants(enumClass);
    this.byIndex = (E[]) Array.newInstance(enumClass, names.length);
    this.indexByOrdinal = new int[constants.length];
    Arrays.fill(indexByOrdinal, -1);
    for (int i = 0; i < names.length; i++) {
      for (E constant : constants) {
        if (constant.name().equals(names[i])) {
          byIndex[i] = constant;
          indexByOrdinal[constant.ordinal()] = i;
        }
      }
    }
  }

  private static <E extends Enum<E>> E[] constants(Class<E> enumClass) {
    E[] constants = enumClass.getEnumConstants();
    if (constants == null) {
      throw new IllegalArgumentException(enumClass.getName() + " is not an enum");
    }
    return constants;
  }

  public Class<E> getEnumClass() {
    return enumClass;
  }

  @Override
  public boolean isImmutableType() {
    return true;
  }

  @Override
  public EnumSerializer<E> duplicate() {
    return this;
  }

  @Override
  public E copy(E from) {
    return from;
  }

  @Override
  public void serialize(E record, DataOutputView target) throws IOException {
    int index = indexByOrdinal[record.ordinal()];
    if (index < 0) {
      throw new IOException("Constant " + record + " of " + enumClass.getName()
          + " did not exist when this data was written, so its format cannot hold it");
    }
    target.writeInt(index);
  }

  @Override
  public E deserialize(DataInputView source) throws IOException {
    int index = source.readInt();
    if (index < 0 || index >= byIndex.length) {
      throw new IOException("invalid index " + index + " of " + enumClass.getName()
          + " (corrupt data)");
    }
    E constant = byIndex[index];
    if (constant == null) {
      throw new IOException("The stored data holds the constant " + names[index] + " of "
          + enumClass.getName() + ", which the enum no longer has; restore it or migrate the"
          + " state with the old version of the enum");
    }
    return constant;
  }

  @Override
  public TypeSerializerSnapshot<E> snapshotConfiguration() {
    return new EnumSerializerSnapshot<>(this);
  }

  @Override
  public boolean equals(Object obj) {
    return obj instanceof EnumSerializer<?> other && other.enumClass == enumClass
        && Arrays.equals(other.names, names);
  }

  @Override
  public int hashCode() {
    return 31 * enumClass.hashCode() + Arrays.hashCode(names);
  }

  @Override
  public String toString() {
    return "Enum<" + enumClass.getName() + ">";
  }

  /** Format of {@link EnumSerializer}: the enum's class name and its constant names in order. */
  public static final class EnumSerializerSnapshot<E extends Enum<E>>
      implements TypeSerializerSnapshot<E> {
    private Class<E> enumClass;
    private String[] names;

    /** For reading. */
    public EnumSerializerSnapshot() {}

    EnumSerializerSnapshot(EnumSerializer<E> serializer) {
      this.enumClass = serializer.enumClass;
      this.names = serializer.names;
    }

    @Override
    public int getCurrentVersion() {
      return 1;
    }

    @Override
    public void writeSnapshot(DataOutputView out) throws IOException {
      out.writeUTF(enumClass.getName());
      out.writeInt(names.length);
      for (String name : names) {
        out.writeUTF(name);
      }
    }

    @Override
    @SuppressWarnings("unchecked")
    public void readSnapshot(int readVersion, DataInputView in, ClassLoader classLoader)
        throws IOException {
      TypeSerializerSnapshots.checkVersion(this, readVersion);
      String className = in.readUTF();
      Class<?> type = TypeSerializerSnapshots.loadClass(className, classLoader);
      if (!type.isEnum()) {
        throw new IOException(className + " was an enum when the data was written; it is not now");
      }
      enumClass = (Class<E>) type;
      names = new String[in.readInt()];
      for (int i = 0; i < names.length; i++) {
        names[i] = in.readUTF();
      }
    }

    @Override
    public TypeSerializer<E> restoreSerializer() {
      return new EnumSerializer<>(enumClass, names);
    }

    @Override
    public TypeSerializerSchemaCompatibility<E> resolveSchemaCompatibility(
        TypeSerializer<E> newSerializer) {
      if (!(newSerializer instanceof EnumSerializer<E> other)
          || !other.enumClass.getName().equals(enumClass.getName())) {
        return TypeSerializerSchemaCompatibility.incompatible(
            "stored as Enum<" + enumClass.getName() + ">, now " + newSerializer);
      }
      List<String> now = List.of(other.names);
      List<String> removed = new ArrayList<>();
      for (String name : names) {
        if (!now.contains(name)) {
          removed.add(name);
        }
      }
      if (!removed.isEmpty()) {
        return TypeSerializerSchemaCompatibility.incompatible("enum " + enumClass.getName()
            + " no longer has the constant(s) " + String.join(", ", removed)
            + " that the stored data may hold");
      }
      return now.subList(0, names.length).equals(List.of(names))
          ? TypeSerializerSchemaCompatibility.compatibleAsIs()
          : TypeSerializerSchemaCompatibility.compatibleAfterMigration();
    }
  }
}
