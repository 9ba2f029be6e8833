/** How a failed job restarts: {@link dev.sluice.api.common.restartstrategy.RestartStrategies}. */
package dev.sluice.api.common.restartstrategy;
