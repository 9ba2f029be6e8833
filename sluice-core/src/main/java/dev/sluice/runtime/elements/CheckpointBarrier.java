package dev.sluice.runtime.elements;

import java.nio.file.Path;

/**
 * Marks a checkpoint's place in a stream: everything before it belongs to checkpoint {@code id},
 * everything after it to the next. Injected at the sources, aligned at subtasks with several
 * inputs, forwarded downstream once the subtask has taken its snapshot.
 *
 * @param id the checkpoint number
 * @param timestamp epoch milliseconds of the trigger
 * @param directory where the subtasks write their state files
 * @param savepoint whether the checkpoint was requested by the user
 * @param stop whether sources stop producing after it (stop-with-savepoint)
 */
public record CheckpointBarrier(long id, long timestamp, Path directory, boolean savepoint, boolean stop)
    implements Control {}
