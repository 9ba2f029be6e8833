/** Ready-made rolling policies: {@link dev.sluice.streaming.api.functions.sink.filesystem.rollingpolicies.DefaultRollingPolicy}. */
package dev.sluice.streaming.api.functions.sink.filesystem.rollingpolicies;
