/** {@code JobClient}: a handle on a job started with {@code executeAsync()}. */
package dev.sluice.core.execution;
