/**
 * What a job is and reports: its configuration ({@code ExecutionConfig}), identity, status, result
 * and the exceptions a failed or cancelled job ends with.
 */
package dev.sluice.api.common;
