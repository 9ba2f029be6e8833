package dev.sluice.api.common.state;

import dev.sluice.api.common.ExecutionConfig;
import dev.sluice.api.common.typeinfo.TypeInformation;
import dev.sluice.api.common.typeutils.TypeSerializer;
import java.io.Serializable;
import java.util.Objects;
import java.util.concurrent.atomic.AtomicReference;

/**
 * Names a piece of keyed state and declares the type of what it holds: either a {@link
 * TypeInformation}, from which the serializer is created when the state is first used ({@link
 * #initializeSerializerUnlessSet}), or a {@link TypeSerializer} given directly. Two descriptors
 * with the same name on the same operator refer to the same state.
 *
 * <p>A descriptor may be shared between subtasks (a constant, say): the serializer is set once,
 * atomically, and {@link #getSerializer()} hands each caller its own {@link
 * TypeSerializer#duplicate()}.
 *
 * @param <S> the state's interface
 * @param <T> the type of the state's value as stored (for list state the list, for map state the
 *     map)
 */
public abstract class StateDescriptor<S extends State, T> implements Serializable {
  private static final long serialVersionUID = 1L;

  private final String name;
  private final TypeInformation<T> type;
  private final AtomicReference<TypeSerializer<T>> serializer = new AtomicReference<>();

  /** A descriptor whose serializer will be created from {@code type} (which may be null). */
  protected StateDescriptor(String name, TypeInformation<T> type) {
    if (name == null || name.isBlank()) {
      throw new IllegalArgumentException("A state needs a non-empty name");
    }
    this.name = name;
    this.type = type;
  }

  /** A descriptor whose values are written by {@code serializer}. */
  protected StateDescriptor(String name, TypeSerializer<T> serializer) {
    this(name, (TypeInformation<T>) null);
    this.serializer.set(Objects.requireNonNull(serializer, "serializer"));
  }

  public String getName() {
    return name;
  }

  private StateTtlConfig ttlConfig = StateTtlConfig.DISABLED;

  /**
   * Gives the state's values a time to live. Keyed state only; not for the state of windows.
   */
  public void enableTimeToLive(StateTtlConfig ttlConfig) {
    if (ttlConfig == null) {
      throw new IllegalArgumentException("The TTL config must not be null");
    }
    this.ttlConfig = ttlConfig;
  }

  public StateTtlConfig getTtlConfig() {
    return ttlConfig;
  }

  /** The declared type of the stored values, or null if not declared (a serializer was given). */
  public TypeInformation<T> getTypeInformation() {
    return type;
  }

  /** Whether the serializer is known: given to the constructor or already initialized. */
  public boolean isSerializerInitialized() {
    return serializer.get() != null;
  }

  /**
   * Creates the serializer from the declared type, unless it is already set; {@code config}
   * supplies registered serializers and may be null.
   *
   * @throws IllegalArgumentException if Sluice cannot encode the declared type (the message names
   *     the class and what to do)
   * @throws IllegalStateException if neither a type nor a serializer was declared
   */
  public void initializeSerializerUnlessSet(ExecutionConfig config) {
    if (serializer.get() != null) {
      return;
    }
    if (type == null) {
      throw new IllegalStateException("State '" + name + "' declares neither a type nor a serializer");
    }
    TypeSerializer<T> created;
    try {
      created = type.createSerializer(config);
    } catch (IllegalArgumentException e) {
      throw new IllegalArgumentException("State '" + name + "': " + e.getMessage(), e);
    }
    serializer.compareAndSet(null, created);
  }

  /**
   * The serializer of the state's value as stored (for list state a {@code ListSerializer}, for
   * map state a {@code MapSerializer}); a duplicate, for the calling thread.
   *
   * @throws IllegalStateException if the serializer is not initialized yet
   */
  public TypeSerializer<T> getSerializer() {
    TypeSerializer<T> s = serializer.get();
    if (s == null) {
      throw new IllegalStateException("The serializer of state '" + name
          + "' is not initialized yet; call initializeSerializerUnlessSet first");
    }
    return s.duplicate();
  }

  @Override
  public boolean equals(Object o) {
    return o != null && o.getClass() == getClass() && name.equals(((StateDescriptor<?, ?>) o).name);
  }

  @Override
  public int hashCode() {
    return Objects.hash(getClass(), name);
  }

  @Override
  public String toString() {
    return getClass().getSimpleName() + "(" + name + ")";
  }
}
