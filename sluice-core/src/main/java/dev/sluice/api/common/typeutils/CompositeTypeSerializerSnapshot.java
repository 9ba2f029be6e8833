package dev.sluice.api.common.typeutils;

import dev.sluice.core.memory.DataInputView;
import dev.sluice.core.memory.DataOutputView;
import java.io.IOException;

/**
 * Snapshot of a serializer built from nested serializers (list elements, map keys and values,
 * array components, tuple fields). It stores the outer serializer's own configuration (if any)
 * followed by the nested serializers' snapshots, each written with {@link
 * TypeSerializerSnapshots#write}; on restore it rebuilds the outer serializer from the nested
 * restore serializers.
 *
 * <p>Compatibility: a new serializer of another class, or whose outer configuration differs
 * ({@link #outerIncompatibility}), is incompatible; otherwise the nested verdicts are combined:
 * any incompatible nested serializer makes the whole incompatible, any that needs migration
 * makes the whole need migration, else it is compatible as is.
 *
 * <p>Subclasses have a public no-argument constructor (for reading) that calls {@link
 * #CompositeTypeSerializerSnapshot(Class)}, and a constructor taking the serializer (for
 * writing) that calls {@link #CompositeTypeSerializerSnapshot(TypeSerializer)}.
 *
 * @param <T> the type the serializer handles
 * @param <S> the outer serializer's class
 */
public abstract class CompositeTypeSerializerSnapshot<T, S extends TypeSerializer<T>>
    implements TypeSerializerSnapshot<T> {
  private final Class<?> serializerClass;
  private TypeSerializerSnapshot<?>[] nestedSnapshots;

  /** For reading: the nested snapshots come from {@link #readSnapshot}. */
  protected CompositeTypeSerializerSnapshot(Class<?> serializerClass) {
    this.serializerClass = serializerClass;
  }

  /** For writing: takes the snapshots of {@code serializer}'s nested serializers. */
  protected CompositeTypeSerializerSnapshot(S serializer) {
    this.serializerClass = serializer.getClass();
    TypeSerializer<?>[] nested = getNestedSerializers(serializer);
    this.nestedSnapshots = new TypeSerializerSnapshot<?>[nested.length];
    for (int i = 0; i < nested.length; i++) {
      nestedSnapshots[i] = nested[i].snapshotConfiguration();
    }
  }

  /** Version of the outer configuration's written form (1 if there is none). */
  protected abstract int getCurrentOuterSnapshotVersion();

  /** The nested serializers of {@code outerSerializer}, in a fixed order. */
  protected abstract TypeSerializer<?>[] getNestedSerializers(S outerSerializer);

  /** A serializer of this snapshot's class configured as read, with the given nested ones. */
  protected abstract S createOuterSerializerWithNestedSerializers(TypeSerializer<?>[] nested);

  /** What the nested serializer at {@code index} serializes, for messages ("element", "key"). */
  protected abstract String nestedName(int index);

  /** Writes the outer serializer's own configuration; nothing by default. */
  protected void writeOuterSnapshot(DataOutputView out) throws IOException {}

  /** Reads what {@link #writeOuterSnapshot} wrote; nothing by default. */
  protected void readOuterSnapshot(int readVersion, DataInputView in, ClassLoader classLoader)
      throws IOException {}

  /** Why {@code newSerializer}'s outer configuration cannot read the stored data, or null. */
  protected String outerIncompatibility(S newSerializer) {
    return null;
  }

  @Override
  public final int getCurrentVersion() {
    return getCurrentOuterSnapshotVersion();
  }

  @Override
  public final void writeSnapshot(DataOutputView out) throws IOException {
    writeOuterSnapshot(out);
    out.writeInt(nestedSnapshots.length);
    for (TypeSerializerSnapshot<?> nested : nestedSnapshots) {
      TypeSerializerSnapshots.write(nested, out);
    }
  }

  @Override
  public final void readSnapshot(int readVersion, DataInputView in, ClassLoader classLoader)
      throws IOException {
    TypeSerializerSnapshots.checkVersion(this, readVersion);
    readOuterSnapshot(readVersion, in, classLoader);
    int n = in.readInt();
    if (n < 0) {
      throw new IOException("negative number of nested serializers " + n + " (corrupt data)");
    }
    nestedSnapshots = new TypeSerializerSnapshot<?>[n];
    for (int i = 0; i < n; i++) {
      nestedSnapshots[i] = TypeSerializerSnapshots.read(in, classLoader);
    }
  }

  @Override
  public final TypeSerializer<T> restoreSerializer() {
    TypeSerializer<?>[] nested = new TypeSerializer<?>[nestedSnapshots.length];
    for (int i = 0; i < nested.length; i++) {
      nested[i] = nestedSnapshots[i].restoreSerializer();
    }
    return createOuterSerializerWithNestedSerializers(nested);
  }

  @Override
  @SuppressWarnings("unchecked")
  public final TypeSerializerSchemaCompatibility<T> resolveSchemaCompatibility(
      TypeSerializer<T> newSerializer) {
    if (newSerializer.getClass() != serializerClass) {
      return TypeSerializerSchemaCompatibility.incompatible(
          "stored as " + restoreSerializer() + ", now " + newSerializer);
    }
    S outer = (S) newSerializer;
    String outerProblem = outerIncompatibility(outer);
    if (outerProblem != null) {
      return TypeSerializerSchemaCompatibility.incompatible(outerProblem);
    }
    TypeSerializer<?>[] nested = getNestedSerializers(outer);
    if (nested.length != nestedSnapshots.length) {
      return TypeSerializerSchemaCompatibility.incompatible("stored with " + nestedSnapshots.length
          + " nested serializers, now " + nested.length);
    }
    boolean migrate = false;
    for (int i = 0; i < nested.length; i++) {
      TypeSerializerSchemaCompatibility<?> verdict =
          TypeSerializerSnapshots.resolveCompatibility(nestedSnapshots[i], nested[i]);
      if (verdict.isIncompatible()) {
        return TypeSerializerSchemaCompatibility.incompatible(
            TypeSerializerSnapshots.incompatibilityReason(
                nestedName(i), nestedSnapshots[i], nested[i], verdict));
      }
      migrate |= verdict.isCompatibleAfterMigration();
    }
    return migrate
        ? TypeSerializerSchemaCompatibility.compatibleAfterMigration()
        : TypeSerializerSchemaCompatibility.compatibleAsIs();
  }
}
