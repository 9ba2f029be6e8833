/**
 * The user-function interfaces ({@code MapFunction}, {@code FlatMapFunction}, {@code
 * ReduceFunction}, …), their {@code Rich…} variants with a life cycle, and the runtime context
 * rich functions see. Each parallel subtask runs its own copy of a function.
 */
package dev.sluice.api.common.functions;
