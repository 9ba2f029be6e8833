/**
 * Types shared by the streaming API: the {@code TimerService} a process function sets timers
 * with, and the {@code TimeDomain} a timer fired in.
 */
package dev.sluice.streaming.api;
