/**
 * Running a job: subtasks, the worker pool, the job's life cycle.
 *
 * <p><b>Subtasks.</b> Each parallel instance of a chain is a {@link
 * dev.sluice.runtime.execution.Subtask}: single-threaded, with a mailbox through which other
 * threads reach it (split assignments today; timers and checkpoint triggers later). Its {@link
 * dev.sluice.runtime.execution.Subtask#doWork()} does a bounded slice of work — drain the mailbox,
 * move held-back output, take input while the output has room — and returns how much it did.
 *
 * <p><b>Workers.</b> A fixed pool of threads (one per core by default) runs the subtasks
 * cooperatively: each worker owns a fixed set of subtasks and calls {@code doWork} on them in turn,
 * backing off (spin, yield, park) when none made progress. No worker ever blocks on a channel.
 *
 * <p><b>Life cycle.</b> {@link dev.sluice.runtime.execution.JobExecution} is a small state machine:
 * {@code CREATED → RUNNING → FINISHED | FAILED | CANCELED}. A bounded job finishes when every
 * subtask has consumed its input and delivered end-of-input downstream. The first failure fails the
 * job: every worker stops, every operator is closed on its own worker's thread, and the error that
 * surfaces names the operator, the subtask and the record.
 */
package dev.sluice.runtime.execution;
