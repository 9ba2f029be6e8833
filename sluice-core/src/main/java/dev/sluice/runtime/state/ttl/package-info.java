/**
 * Keyed state with a time to live ({@link dev.sluice.api.common.state.StateTtlConfig}), built on
 * any keyed state backend: values are stored with their last-access time and the states here hide,
 * drop and clean up expired ones.
 */
package dev.sluice.runtime.state.ttl;
