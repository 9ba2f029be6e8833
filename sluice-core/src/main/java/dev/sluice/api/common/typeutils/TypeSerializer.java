package dev.sluice.api.common.typeutils;

import dev.sluice.core.memory.DataInputView;
import dev.sluice.core.memory.DataOutputView;
import java.io.IOException;
import java.io.Serializable;

/**
 * Encodes and decodes values of one type for state snapshots, checkpoints and (later) the
 * network. Serializers are chosen from a declared type ({@link
 * dev.sluice.api.common.typeinfo.TypeInformation#createSerializer}) or supplied by the user.
 *
 * <p>A serializer may keep reusable buffers, so one instance is used by one thread; {@link
 * #duplicate()} gives a copy for another thread (stateless serializers return themselves).
 *
 * <p>Every serializer describes itself with a {@link TypeSerializerSnapshot}, which checkpoints
 * store next to the data. On restore, the snapshot rebuilds a serializer that reads the old
 * format and decides whether the job's current serializer can take over (schema evolution).
 */
public abstract class TypeSerializer<T> implements Serializable {
  private static final long serialVersionUID = 1L;

  /** Whether values of this type can never change after creation, so copies may share them. */
  public abstract boolean isImmutableType();

  /** A serializer safe to use from another thread; {@code this} when stateless. */
  public abstract TypeSerializer<T> duplicate();

  /** A deep copy of {@code from}; immutable types may return it unchanged. Null stays null. */
  public abstract T copy(T from);

  /** Writes {@code record} (never null unless the serializer says it supports null). */
  public abstract void serialize(T record, DataOutputView target) throws IOException;

  /** Reads one value written by {@link #serialize}. */
  public abstract T deserialize(DataInputView source) throws IOException;

  /** Describes this serializer's format, to be stored with the data it writes. */
  public abstract TypeSerializerSnapshot<T> snapshotConfiguration();

  @Override
  public abstract boolean equals(Object obj);

  @Override
  public abstract int hashCode();
}
