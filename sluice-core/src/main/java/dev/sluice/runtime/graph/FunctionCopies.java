package dev.sluice.runtime.graph;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.ObjectInputStream;
import java.io.ObjectOutputStream;
import java.io.ObjectStreamClass;
import java.util.ArrayList;
import java.util.List;

/**
 * Gives each parallel subtask its own copy of a user function, as Flink does, so that a function
 * with fields is never shared between threads. Copies are made by Java serialization; a function
 * that cannot be serialized (an anonymous class that captured a non-serializable outer instance,
 * say) is copied field by field instead: its own fields are per subtask, the objects it refers to
 * are shared, as they would be for a lambda.
 */
public final class FunctionCopies {
  private FunctionCopies() {}

  /**
   * A serialized function and the class loaders of the classes written with it, so that a copy
   * resolves user classes (and the capturing classes of serialized lambdas) wherever they were
   * loaded from — a plugin or test class loader, not only the engine's.
   */
  public static final class Serialized<T> {
    private final byte[] bytes;
    private final List<ClassLoader> loaders;

    private Serialized(byte[] bytes, List<ClassLoader> loaders) {
      this.bytes = bytes;
      this.loaders = loaders;
    }

    /** A fresh, independent copy. */
    @SuppressWarnings("unchecked")
    public T copy() {
      try (ObjectInputStream in = new LoaderObjectInputStream(new ByteArrayInputStream(bytes), loaders)) {
        return (T) in.readObject();
      } catch (IOException | ClassNotFoundException e) {
        throw new IllegalStateException("Could not copy a user function: " + e, e);
      }
    }
  }

  /** The serialized form of {@code object}, or null when it is not serializable. */
  public static <T> Serialized<T> serialize(T object) {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    List<ClassLoader> loaders = new ArrayList<>();
    try (ObjectOutputStream out = new ObjectOutputStream(bytes) {
      @Override
      protected void annotateClass(Class<?> cl) {
        ClassLoader loader = cl.getClassLoader();
        if (loader != null && !loaders.contains(loader)) {
          loaders.add(loader);
        }
      }
    }) {
      out.writeObject(object);
    } catch (IOException e) {
      return null;
    }
    return new Serialized<>(bytes.toByteArray(), List.copyOf(loaders));
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
    private final List<ClassLoader> loaders;

    LoaderObjectInputStream(InputStream in, List<ClassLoader> loaders) throws IOException {
      super(in);
      this.loaders = loaders;
    }

    @Override
    protected Class<?> resolveClass(ObjectStreamClass desc) throws IOException, ClassNotFoundException {
      for (ClassLoader loader : loaders) {
        try {
          return Class.forName(desc.getName(), false, loader);
        } catch (ClassNotFoundException e) {
          // try the next loader
        }
      }
      return super.resolveClass(desc);
    }
  }
}
