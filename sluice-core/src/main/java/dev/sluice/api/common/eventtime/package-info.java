/**
 * Event time: timestamp assigners, watermark generators and the {@code WatermarkStrategy} that
 * combines them. A strategy is a serializable recipe; the runtime creates a generator per source
 * split or per subtask, calls {@code onEvent} after each record and {@code onPeriodicEmit} every
 * auto-watermark interval, all on that subtask's thread.
 */
package dev.sluice.api.common.eventtime;
