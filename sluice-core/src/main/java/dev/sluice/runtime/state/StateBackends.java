package dev.sluice.runtime.state;

import dev.sluice.api.common.ExecutionConfig;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.ServiceLoader;
import java.util.TreeSet;

/**
 * Chooses a job's state backend: the instance given to {@code env.setStateBackend(..)}; else the
 * one named by {@code ExecutionConfig.setStateBackend(name)} (or the system property {@value
 * #PROPERTY}), found through {@link StateBackendFactory} services; else {@link
 * HashMapStateBackend}.
 */
public final class StateBackends {
  /** System property naming the default backend of jobs that do not choose one. */
  public static final String PROPERTY = "sluice.state.backend";

  private StateBackends() {}

  /** The backend {@code config} asks for. Throws IllegalArgumentException for unknown names. */
  public static StateBackend resolve(ExecutionConfig config) {
    Object instance = config.getStateBackend();
    if (instance instanceof StateBackend b) {
      return b;
    }
    String name = config.getStateBackendName();
    if (name == null) {
      name = System.getProperty(PROPERTY);
    }
    if (name == null || name.isBlank()) {
      return new HashMapStateBackend();
    }
    return load(name, config.getStateBackendOptions());
  }

  /** The backend called {@code name} ("hashmap", "rocksdb", ...), configured with {@code options}. */
  public static StateBackend load(String name, Map<String, String> options) {
    String key = name.trim().toLowerCase(Locale.ROOT);
    if (key.equals(HashMapStateBackend.NAME) || key.equals("heap") || key.equals("memory")) {
      if (!options.isEmpty()) {
        throw new IllegalArgumentException("The state backend 'hashmap' has no options, got " + options.keySet());
      }
      return new HashMapStateBackend();
    }
    List<String> known = new ArrayList<>(List.of(HashMapStateBackend.NAME));
    ClassLoader loader = Thread.currentThread().getContextClassLoader();
    for (StateBackendFactory f : ServiceLoader.load(StateBackendFactory.class,
        loader != null ? loader : StateBackends.class.getClassLoader())) {
      if (f.names().contains(key)) {
        return f.create(options);
      }
      known.addAll(f.names());
    }
    String hint = key.equals("rocksdb")
        ? "; add the module dev.sluice:sluice-state-rocksdb to the class path to use RocksDB" : "";
    throw new IllegalArgumentException("Unknown state backend '" + name + "': known are "
        + new TreeSet<>(known) + hint);
  }
}
