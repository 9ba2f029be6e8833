/**
 * The sink interface: a {@link dev.sluice.api.connector.sink2.SinkWriter} per parallel subtask and,
 * for sinks that publish atomically, a {@link dev.sluice.api.connector.sink2.Committer}.
 *
 * <p>A writer receives every element of its subtask on the subtask's thread. A committing writer
 * ({@link dev.sluice.api.connector.sink2.CommittingSinkWriter}) turns what it wrote since the last
 * time into <em>committables</em> when asked to prepare a commit — on each checkpoint, and once
 * more at the end of a bounded input — and the committer makes them visible. Commits must be
 * idempotent: after a failure the same committable may be committed again.
 */
package dev.sluice.api.connector.sink2;
