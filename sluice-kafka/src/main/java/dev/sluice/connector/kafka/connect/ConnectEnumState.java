package dev.sluice.connector.kafka.connect;

import java.util.List;
import java.util.Map;

/**
 * What the enumerator of a {@link ConnectSource} keeps in a checkpoint: whether the connector's
 * task configs were made, those configs (to notice a connector that now makes others), and the
 * splits not yet handed to a reader.
 */
public record ConnectEnumState(boolean configsMade, List<Map<String, String>> taskConfigs,
    List<ConnectTaskSplit> unassigned) {}
