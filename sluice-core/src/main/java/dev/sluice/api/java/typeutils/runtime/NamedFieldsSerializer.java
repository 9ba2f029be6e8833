package dev.sluice.api.java.typeutils.runtime;

import dev.sluice.api.common.typeutils.TypeSerializer;

/** What {@link NamedFieldsSnapshot} needs of a POJO or record serializer. */
interface NamedFieldsSerializer<T> {
  /** The class whose instances are read and written. */
  Class<T> getTypeClass();

  /** The names of the fields, in written order. */
  String[] getFieldNames();

  /** The fields' serializers, in written order. */
  TypeSerializer<?>[] getFieldSerializers();
}
