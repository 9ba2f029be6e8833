package dev.sluice.runtime.typeutils;

import dev.sluice.api.common.ExecutionConfig;
import dev.sluice.api.common.typeinfo.TypeInformation;
import dev.sluice.api.common.typeutils.SimpleTypeSerializerSnapshot;
import dev.sluice.api.common.typeutils.TypeSerializer;
import dev.sluice.api.common.typeutils.TypeSerializerSnapshot;
import dev.sluice.api.java.tuple.Tuple;
import dev.sluice.core.memory.DataInputView;
import dev.sluice.core.memory.DataOutputView;
import dev.sluice.runtime.state.VoidNamespace;
import dev.sluice.streaming.api.windowing.windows.GlobalWindow;
import dev.sluice.streaming.api.windowing.windows.TimeWindow;
import java.io.IOException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Encodes values whose type was not declared (a lambda's result without {@code returns(..)}, the
 * keys of a key selector, window namespaces, the contents of built-in operators' state) by their
 * runtime class: a one-byte tag for the common types, and for any other class its name followed
 * by that class's own serializer ({@link Serializers}). It is not a catch-all: a class Sluice
 * cannot encode (no record, POJO, enum, ...) fails with the same message as a declared one.
 *
 * <p>Values of named classes are written in the class's current format; a class that changes
 * shape between a checkpoint and its restore needs a declared type (a state descriptor with a
 * class or type information), whose format is stored with the checkpoint.
 */
public final class DynamicSerializer extends TypeSerializer<Object> {
  private static final long serialVersionUID = 1L;

  public static final DynamicSerializer INSTANCE = new DynamicSerializer();

  private static final byte NULL = 0;
  private static final byte LONG = 1;
  private static final byte INT = 2;
  private static final byte STRING = 3;
  private static final byte DOUBLE = 4;
  private static final byte FLOAT = 5;
  private static final byte SHORT = 6;
  private static final byte BYTE = 7;
  private static final byte BOOLEAN = 8;
  private static final byte CHAR = 9;
  private static final byte BYTES = 10;
  private static final byte TIME_WINDOW = 11;
  private static final byte GLOBAL_WINDOW = 12;
  private static final byte VOID_NAMESPACE = 13;
  private static final byte TUPLE = 14;
  private static final byte LIST = 15;
  private static final byte MAP = 16;
  private static final byte SET = 17;
  private static final byte ENUM = 18;
  private static final byte NAMED = 19;

  private static final ClassValue<TypeSerializer<Object>> NAMED_SERIALIZERS = new ClassValue<>() {
    @Override
    @SuppressWarnings("unchecked")
    protected TypeSerializer<Object> computeValue(Class<?> type) {
      return Serializers.create((TypeInformation<Object>) TypeInformation.of(type), new ExecutionConfig());
    }
  };

  private DynamicSerializer() {}

  @Override
  public boolean isImmutableType() {
    return false;
  }

  @Override
  public DynamicSerializer duplicate() {
    return this;
  }

  @Override
  @SuppressWarnings({"unchecked", "rawtypes"})
  public Object copy(Object from) {
    if (from == null || from instanceof String || from instanceof Number || from instanceof Boolean
        || from instanceof Character || from instanceof Enum<?> || from instanceof TimeWindow
        || from instanceof GlobalWindow || from instanceof Record && isImmutableRecord(from.getClass())) {
      return from;
    }
    if (from instanceof byte[] b) {
      return b.clone();
    }
    if (from instanceof Tuple t) {
      Tuple copy = Tuple.newInstance(t.getArity());
      for (int i = 0; i < t.getArity(); i++) {
        copy.setField(copy(t.getField(i)), i);
      }
      return copy;
    }
    if (from instanceof List<?> list) {
      List<Object> copy = new ArrayList<>(list.size());
      for (Object o : list) {
        copy.add(copy(o));
      }
      return copy;
    }
    if (from instanceof Map<?, ?> map) {
      Map<Object, Object> copy = new LinkedHashMap<>(Math.max(4, map.size() * 2));
      map.forEach((k, v) -> copy.put(copy(k), copy(v)));
      return copy;
    }
    if (from instanceof Set<?> set) {
      Set<Object> copy = new LinkedHashSet<>(Math.max(4, set.size() * 2));
      for (Object o : set) {
        copy.add(copy(o));
      }
      return copy;
    }
    return NAMED_SERIALIZERS.get(from.getClass()).copy(from);
  }

  private static final ClassValue<Boolean> IMMUTABLE_RECORDS = new ClassValue<>() {
    @Override
    protected Boolean computeValue(Class<?> type) {
      for (var c : type.getRecordComponents()) {
        Class<?> t = c.getType();
        if (!(t.isPrimitive() || t == String.class || Number.class.isAssignableFrom(t) && t.getName().startsWith("java.lang")
            || t == Boolean.class || t == Character.class || t.isEnum()
            || t.isRecord() && isImmutableRecord(t))) {
          return false;
        }
      }
      return true;
    }
  };

  /**
   * Checks that values of {@code type} can be encoded, as {@link #serialize} would encode them:
   * types it encodes itself pass, any other class needs a serializer of its own (a POJO, a record,
   * ...), which is created now.
   *
   * @throws IllegalArgumentException naming the type and what it lacks, if it cannot be encoded
   */
  public static void checkEncodable(Class<?> type) {
    if (!encodesItself(type)) {
      NAMED_SERIALIZERS.get(type);
    }
  }

  /**
   * Whether {@link #serialize} writes values of {@code type} with one of its own tags: the classes
   * of its branches before the {@code NAMED} one, kept in step with them.
   */
  private static boolean encodesItself(Class<?> type) {
    return type == Long.class || type == Integer.class || type == String.class || type == Double.class
        || type == Float.class || type == Short.class || type == Byte.class || type == Boolean.class
        || type == Character.class || type == byte[].class || TimeWindow.class.isAssignableFrom(type)
        || GlobalWindow.class.isAssignableFrom(type) || VoidNamespace.class.isAssignableFrom(type)
        || Tuple.class.isAssignableFrom(type) || List.class.isAssignableFrom(type)
        || Map.class.isAssignableFrom(type) || Set.class.isAssignableFrom(type) || type.isEnum();
  }

  private static boolean isImmutableRecord(Class<?> type) {
    return IMMUTABLE_RECORDS.get(type);
  }

  @Override
  @SuppressWarnings({"unchecked", "rawtypes"})
  public void serialize(Object v, DataOutputView out) throws IOException {
    if (v == null) {
      out.writeByte(NULL);
    } else if (v instanceof Long l) {
      out.writeByte(LONG);
      out.writeLong(l);
    } else if (v instanceof Integer i) {
      out.writeByte(INT);
      out.writeInt(i);
    } else if (v instanceof String s) {
      out.writeByte(STRING);
      out.writeUTF(s);
    } else if (v instanceof Double d) {
      out.writeByte(DOUBLE);
      out.writeDouble(d);
    } else if (v instanceof Float f) {
      out.writeByte(FLOAT);
      out.writeFloat(f);
    } else if (v instanceof Short s) {
      out.writeByte(SHORT);
      out.writeShort(s);
    } else if (v instanceof Byte b) {
      out.writeByte(BYTE);
      out.writeByte(b);
    } else if (v instanceof Boolean b) {
      out.writeByte(BOOLEAN);
      out.writeBoolean(b);
    } else if (v instanceof Character c) {
      out.writeByte(CHAR);
      out.writeChar(c);
    } else if (v instanceof byte[] b) {
      out.writeByte(BYTES);
      out.writeInt(b.length);
      out.write(b);
    } else if (v instanceof TimeWindow w) {
      out.writeByte(TIME_WINDOW);
      out.writeLong(w.getStart());
      out.writeLong(w.getEnd());
    } else if (v instanceof GlobalWindow) {
      out.writeByte(GLOBAL_WINDOW);
    } else if (v instanceof VoidNamespace) {
      out.writeByte(VOID_NAMESPACE);
    } else if (v instanceof Tuple t) {
      out.writeByte(TUPLE);
      out.writeByte(t.getArity());
      for (int i = 0; i < t.getArity(); i++) {
        serialize(t.getField(i), out);
      }
    } else if (v instanceof List<?> list) {
      out.writeByte(LIST);
      out.writeInt(list.size());
      for (Object o : list) {
        serialize(o, out);
      }
    } else if (v instanceof Map<?, ?> map) {
      out.writeByte(MAP);
      out.writeInt(map.size());
      for (Map.Entry<?, ?> e : map.entrySet()) {
        serialize(e.getKey(), out);
        serialize(e.getValue(), out);
      }
    } else if (v instanceof Set<?> set) {
      out.writeByte(SET);
      out.writeInt(set.size());
      for (Object o : set) {
        serialize(o, out);
      }
    } else if (v instanceof Enum<?> e) {
      out.writeByte(ENUM);
      out.writeUTF(e.getDeclaringClass().getName());
      out.writeUTF(e.name());
    } else { // the branches above are the types encodesItself lists
      out.writeByte(NAMED);
      out.writeUTF(v.getClass().getName());
      NAMED_SERIALIZERS.get(v.getClass()).serialize(v, out);
    }
  }

  @Override
  @SuppressWarnings({"unchecked", "rawtypes"})
  public Object deserialize(DataInputView in) throws IOException {
    byte tag = in.readByte();
    switch (tag) {
      case NULL:
        return null;
      case LONG:
        return in.readLong();
      case INT:
        return in.readInt();
      case STRING:
        return in.readUTF();
      case DOUBLE:
        return in.readDouble();
      case FLOAT:
        return in.readFloat();
      case SHORT:
        return in.readShort();
      case BYTE:
        return in.readByte();
      case BOOLEAN:
        return in.readBoolean();
      case CHAR:
        return in.readChar();
      case BYTES: {
        byte[] b = new byte[checkedSize(in.readInt())];
        in.readFully(b);
        return b;
      }
      case TIME_WINDOW:
        return new TimeWindow(in.readLong(), in.readLong());
      case GLOBAL_WINDOW:
        return GlobalWindow.get();
      case VOID_NAMESPACE:
        return VoidNamespace.INSTANCE;
      case TUPLE: {
        Tuple t = Tuple.newInstance(in.readUnsignedByte());
        for (int i = 0; i < t.getArity(); i++) {
          t.setField(deserialize(in), i);
        }
        return t;
      }
      case LIST: {
        int n = checkedSize(in.readInt());
        List<Object> list = new ArrayList<>(n);
        for (int i = 0; i < n; i++) {
          list.add(deserialize(in));
        }
        return list;
      }
      case MAP: {
        int n = checkedSize(in.readInt());
        Map<Object, Object> map = new HashMap<>(Math.max(4, n * 2));
        for (int i = 0; i < n; i++) {
          Object k = deserialize(in);
          map.put(k, deserialize(in));
        }
        return map;
      }
      case SET: {
        int n = checkedSize(in.readInt());
        Set<Object> set = new LinkedHashSet<>(Math.max(4, n * 2));
        for (int i = 0; i < n; i++) {
          set.add(deserialize(in));
        }
        return set;
      }
      case ENUM: {
        Class<?> type = load(in.readUTF());
        String name = in.readUTF();
        try {
          return Enum.valueOf((Class) type, name);
        } catch (IllegalArgumentException e) {
          throw new IOException("The enum " + type.getName() + " has no constant " + name
              + " any more, but the checkpoint holds it", e);
        }
      }
      case NAMED:
        return NAMED_SERIALIZERS.get(load(in.readUTF())).deserialize(in);
      default:
        throw new IOException("Unknown value tag " + tag + " (corrupt or foreign data)");
    }
  }

  private static int checkedSize(int n) throws IOException {
    if (n < 0) {
      throw new IOException("Negative collection size " + n + " (corrupt data)");
    }
    return n;
  }

  private static Class<?> load(String name) throws IOException {
    ClassLoader loader = Thread.currentThread().getContextClassLoader();
    try {
      return Class.forName(name, false, loader != null ? loader : DynamicSerializer.class.getClassLoader());
    } catch (ClassNotFoundException e) {
      throw new IOException("The checkpoint holds values of class " + name
          + ", which is not on the class path", e);
    }
  }

  @Override
  public TypeSerializerSnapshot<Object> snapshotConfiguration() {
    return new DynamicSerializerSnapshot();
  }

  @Override
  public boolean equals(Object obj) {
    return obj instanceof DynamicSerializer;
  }

  @Override
  public int hashCode() {
    return DynamicSerializer.class.hashCode();
  }

  private Object readResolve() {
    return INSTANCE;
  }

  /** Format of {@link DynamicSerializer}: self-describing, nothing to store. */
  public static final class DynamicSerializerSnapshot extends SimpleTypeSerializerSnapshot<Object> {
    public DynamicSerializerSnapshot() {
      super(() -> INSTANCE);
    }
  }
}
