/** How elements become bytes for sinks that write streams of bytes: {@link dev.sluice.api.common.serialization.Encoder}. */
package dev.sluice.api.common.serialization;
