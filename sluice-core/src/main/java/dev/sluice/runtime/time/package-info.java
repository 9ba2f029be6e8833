/**
 * Timers: processing-time callbacks per subtask, and keyed timers per operator.
 *
 * <p>{@link dev.sluice.runtime.time.ProcessingTimeService} belongs to one subtask. Operators
 * schedule callbacks on it; the subtask fires the ones that are due between slices of work, on its
 * own thread, reading the job's (possibly virtual) clock. Nothing runs on a timer thread, so
 * operators stay single-threaded.
 *
 * <p>{@link dev.sluice.runtime.time.InternalTimerService} holds the event-time and processing-time
 * timers of one keyed operator. A timer is (time, key, namespace) and is registered at most once:
 * registering the same timer again does nothing. Event-time timers fire when the operator's
 * watermark reaches their time, in time order, before the watermark is forwarded; the final
 * watermark of a bounded input fires them all. Processing-time timers fire when the clock reaches
 * their time. The key of the timer is the current key while it fires, so keyed state works there.
 */
package dev.sluice.runtime.time;
