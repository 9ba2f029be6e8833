/**
 * From what the user wrote to what runs.
 *
 * <p>The API records {@link dev.sluice.runtime.graph.Transformation}s: real ones (a source, an
 * operator, a sink) and virtual ones (a partitioning, a union, a side output) that only say how
 * real ones are connected. {@link dev.sluice.runtime.graph.JobGraphBuilder} resolves the virtual
 * ones into edges, checks the graph (parallelism, forward edges, a sink exists), and chains
 * operators: a node joins its upstream's chain when it has exactly that one input, over a forward
 * edge, with the same parallelism. Each chain becomes a {@link dev.sluice.runtime.graph.JobVertex}
 * that runs as N parallel subtasks.
 */
package dev.sluice.runtime.graph;
