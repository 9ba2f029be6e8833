package dev.sluice.connector.kafka.connect;

import java.lang.reflect.InvocationTargetException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.apache.kafka.common.config.Config;
import org.apache.kafka.common.config.ConfigValue;
import org.apache.kafka.connect.connector.Connector;
import org.apache.kafka.connect.connector.Task;

/** Creating, validating and naming hosted connectors and tasks. */
final class Connectors {
  private Connectors() {}

  /** A new instance of a connector or task class, through its public no-argument constructor. */
  static <C> C instantiate(Class<C> type, String what) {
    try {
      return type.getDeclaredConstructor().newInstance();
    } catch (InvocationTargetException e) {
      throw new IllegalStateException("Could not create the Kafka Connect " + what + " " + type.getName()
          + ": its constructor failed: " + e.getCause(), e.getCause());
    } catch (ReflectiveOperationException | RuntimeException e) {
      throw new IllegalStateException("Could not create the Kafka Connect " + what + " " + type.getName()
          + " (it needs a public constructor without arguments): " + e, e);
    }
  }

  /** Loads a class by name with the loader of {@code peer} (the connector's class). */
  static Class<?> load(String name, Class<?> peer) {
    try {
      return Class.forName(name, true, peer.getClassLoader());
    } catch (ClassNotFoundException e) {
      throw new IllegalStateException("The Kafka Connect task class " + name + " of connector "
          + peer.getName() + " is not on the class path", e);
    }
  }

  /** Runs {@code Connector.validate} and fails, naming every property it rejects, if there are errors. */
  static void validate(Connector connector, Map<String, String> properties) {
    Config config;
    try {
      config = connector.validate(properties);
    } catch (RuntimeException e) {
      throw new IllegalStateException("Kafka Connect connector " + connector.getClass().getName()
          + " failed to validate its properties: " + e.getMessage(), e);
    }
    List<String> errors = new ArrayList<>();
    if (config != null) {
      for (ConfigValue v : config.configValues()) {
        for (String message : v.errorMessages()) {
          errors.add(v.name() + ": " + message);
        }
      }
    }
    if (!errors.isEmpty()) {
      throw new IllegalArgumentException("Kafka Connect connector " + connector.getClass().getName()
          + " rejects its properties: " + String.join("; ", errors));
    }
  }

  /** The class of a connector's tasks, checked to be of the expected kind. */
  static <T extends Task> Class<? extends T> taskClass(Connector connector, Class<T> kind) {
    Class<? extends Task> c = connector.taskClass();
    if (c == null || !kind.isAssignableFrom(c)) {
      throw new IllegalStateException("Kafka Connect connector " + connector.getClass().getName()
          + " names task class " + (c == null ? "null" : c.getName()) + ", which is not a " + kind.getSimpleName());
    }
    return c.asSubclass(kind);
  }

  /** The maximum number of tasks: the {@code tasks.max} property, else {@code fallback}. */
  static int maxTasks(Map<String, String> properties, int fallback, String connector) {
    String configured = properties.get("tasks.max");
    if (configured == null || configured.isBlank()) {
      return fallback;
    }
    try {
      int n = Integer.parseInt(configured.trim());
      if (n < 1) {
        throw new NumberFormatException();
      }
      return n;
    } catch (NumberFormatException e) {
      throw new IllegalArgumentException("Kafka Connect connector " + connector
          + ": tasks.max must be a positive integer, not '" + configured + "'");
    }
  }
}
