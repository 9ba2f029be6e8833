package dev.sluice.runtime.state;

import dev.sluice.api.common.ExecutionConfig;
import java.nio.file.Path;

/**
 * What a {@link StateBackend} is told when it creates the keyed state of one subtask.
 *
 * @param jobName the job's name
 * @param operatorName display name of the keyed operator (head of the chain)
 * @param subtask index of the subtask
 * @param parallelism parallelism of the operator
 * @param maxParallelism number of key groups
 * @param config the job's execution config (serializers of state come from it)
 * @param checkpointDirectory base directory of the job's checkpoints, or null when it does not checkpoint
 */
public record KeyedBackendParameters(String jobName, String operatorName, int subtask, int parallelism,
    int maxParallelism, ExecutionConfig config, Path checkpointDirectory) {}
