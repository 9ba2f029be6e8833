package dev.sluice.api.java.typeutils.runtime;

import dev.sluice.api.common.typeutils.TypeSerializer;

/** Helpers shared by the serializers of composite types. */
final class FieldSerializers {
  private FieldSerializers() {}

  /**
   * The {@link TypeSerializer#duplicate()}s of {@code serializers}, or {@code serializers} itself
   * when every one is stateless (its own duplicate), so the composite can return itself.
   */
  static TypeSerializer<?>[] duplicate(TypeSerializer<?>[] serializers) {
    TypeSerializer<?>[] duplicates = new TypeSerializer<?>[serializers.length];
    boolean same = true;
    for (int i = 0; i < duplicates.length; i++) {
      duplicates[i] = serializers[i].duplicate();
      same &= duplicates[i] == serializers[i];
    }
    return same ? serializers : duplicates;
  }
}
