package dev.sluice.runtime.graph;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.NotSerializableException;
import java.io.ObjectInputStream;
import java.io.ObjectOutputStream;
import java.io.ObjectStreamClass;

/**
 * Gives each parallel subtask its own copy of a user function, as Flink does, so that a function
 * with fields is never shared between threads. Copies are made by Java serialization; a function
 * that cannot be serialized (an anonymous class that captured a non-serializable outer instance,
 * say) is copied field by field instead: its own fields are per subtask, the objects it refers to
 * are shared, as they would be for a lambda.
 */
public final class FunctionCopies {
  private FunctionCopies() {}

  /** The serialized form of {@code function}, or null when it is not serializable. */
  public static byte[] serializeOrNull(Object function) {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    try (ObjectOutputStream out = new ObjectOutputStream(bytes)) {
      out.writeObject(function);
    } catch (NotSerializableException e) {
      return null;
    } catch (IOException e) {
      return null;
    }
    return bytes.toByteArray();
  }

  /** A fresh copy from {@link #serializeOrNull} bytes. */
  @SuppressWarnings("unchecked")
  public static <T> T deserialize(byte[] bytes, ClassLoader loader) {
    try (ObjectInputStream in = new LoaderObjectInputStream(new ByteArrayInputStream(bytes), loader)) {
      return (T) in.readObject();
    } catch (IOException | ClassNotFoundException e) {
      throw new IllegalStateException("Could not copy a user function: " + e, e);
    }
  }

  /** A new instance of the same class with the same field values (no constructor runs). */
  @SuppressWarnings("unchecked")
  public static <T> T shallowCopy(T original) {
    Class<?> type = original.getClass();
    try {
      java.lang.reflect.Constructor<?> ctor = sun.reflect.ReflectionFactory.getReflectionFactory()
          .newConstructorForSerialization(type, Object.class.getDeclaredConstructor());
      Object copy = ctor.newInstance();
      for (Class<?> c = type; c != null && c != Object.class; c = c.getSuperclass()) {
        for (java.lang.reflect.Field f : c.getDeclaredFields()) {
          if (java.lang.reflect.Modifier.isStatic(f.getModifiers())) {
            continue;
          }
          f.setAccessible(true);
          f.set(copy, f.get(original));
        }
      }
      return (T) copy;
    } catch (ReflectiveOperationException | RuntimeException e) {
      throw new IllegalStateException("Could not copy the function " + type.getName()
          + " for a parallel subtask: it is not serializable (" + whyNotSerializable(original)
          + ") and a field-by-field copy failed (" + e + "). Make it Serializable.", e);
    }
  }

  /** Why {@code function} cannot be serialized, for error messages. */
  public static String whyNotSerializable(Object function) {
    try (ObjectOutputStream out = new ObjectOutputStream(new ByteArrayOutputStream())) {
      out.writeObject(function);
      return "it is serializable";
    } catch (IOException e) {
      return e.toString();
    }
  }

  private static final class LoaderObjectInputStream extends ObjectInputStream {
    private final ClassLoader loader;

    LoaderObjectInputStream(InputStream in, ClassLoader loader) throws IOException {
      super(in);
      this.loader = loader;
    }

    @Override
    protected Class<?> resolveClass(ObjectStreamClass desc) throws IOException, ClassNotFoundException {
      try {
        return Class.forName(desc.getName(), false, loader);
      } catch (ClassNotFoundException e) {
        return super.resolveClass(desc);
      }
    }
  }
}
