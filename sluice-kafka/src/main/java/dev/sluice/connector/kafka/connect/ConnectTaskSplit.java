package dev.sluice.connector.kafka.connect;

import dev.sluice.api.connector.source.SourceSplit;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * One task of a hosted source connector: its index among the connector's task configs, the task
 * class, the task config, the latest source offset per source partition of the records emitted so
 * far, and how many records were taken from the task so far (for {@code setMaxRecordsPerTask}).
 */
public record ConnectTaskSplit(int taskIndex, String taskClass, Map<String, String> config,
    Map<Map<String, Object>, Map<String, Object>> offsets, long recordsTaken) implements SourceSplit {

  public ConnectTaskSplit {
    if (taskIndex < 0 || taskClass == null || config == null || offsets == null || recordsTaken < 0) {
      throw new IllegalArgumentException("bad Connect task split " + taskIndex + " " + taskClass);
    }
    config = Collections.unmodifiableMap(new LinkedHashMap<>(config));
    offsets = Collections.unmodifiableMap(new LinkedHashMap<>(offsets));
  }

  @Override
  public String splitId() {
    return "task-" + taskIndex;
  }
}
