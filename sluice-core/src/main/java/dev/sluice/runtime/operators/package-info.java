/**
 * Operators: the per-subtask objects that run user functions.
 *
 * <p>An operator instance belongs to one subtask and is only ever called from that subtask's
 * thread, so it needs no locks. Its life cycle is {@code setup → open → (processElement |
 * processWatermark)* → finish → close}; {@code finish} is called once when all of its input has
 * ended (it may still emit), {@code close} always, also after a failure.
 *
 * <p>Operators of one chain call each other directly through {@link
 * dev.sluice.runtime.operators.ChainingOutput} — no queue and no copy between them. Because the
 * same object can reach several consumers, an operator must not change an element after it has
 * emitted it, and built-in operators never mutate their input.
 *
 * <p>A failure inside an operator becomes an {@link dev.sluice.runtime.operators.OperatorException}
 * naming the operator, the subtask and the position of the record that caused it.
 */
package dev.sluice.runtime.operators;
