package dev.sluice.api.common.typeutils;

/**
 * The verdict of {@link TypeSerializerSnapshot#resolveSchemaCompatibility}: the new serializer
 * reads old data as is, old data must be migrated (read with the restore serializer, rewritten
 * with the new one), or the types are incompatible (restoring fails with a clear error).
 */
public final class TypeSerializerSchemaCompatibility<T> {
  private enum Kind {
    AS_IS,
    AFTER_MIGRATION,
    INCOMPATIBLE
  }

  private final Kind kind;
  private final String reason;

  private TypeSerializerSchemaCompatibility(Kind kind, String reason) {
    this.kind = kind;
    this.reason = reason;
  }

  public static <T> TypeSerializerSchemaCompatibility<T> compatibleAsIs() {
    return new TypeSerializerSchemaCompatibility<>(Kind.AS_IS, null);
  }

  public static <T> TypeSerializerSchemaCompatibility<T> compatibleAfterMigration() {
    return new TypeSerializerSchemaCompatibility<>(Kind.AFTER_MIGRATION, null);
  }

  /** Incompatible; {@code reason} says why, for the error message. */
  public static <T> TypeSerializerSchemaCompatibility<T> incompatible(String reason) {
    return new TypeSerializerSchemaCompatibility<>(Kind.INCOMPATIBLE, reason);
  }

  public boolean isCompatibleAsIs() {
    return kind == Kind.AS_IS;
  }

  public boolean isCompatibleAfterMigration() {
    return kind == Kind.AFTER_MIGRATION;
  }

  public boolean isIncompatible() {
    return kind == Kind.INCOMPATIBLE;
  }

  /** Why the types are incompatible, or null. */
  public String reason() {
    return reason;
  }

  @Override
  public String toString() {
    return kind + (reason == null ? "" : " (" + reason + ")");
  }
}
