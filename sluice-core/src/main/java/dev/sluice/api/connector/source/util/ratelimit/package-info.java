/**
 * Non-blocking rate limiting for source readers: a {@link
 * dev.sluice.api.connector.source.util.ratelimit.RateLimiterStrategy} describes a source's rate and
 * gives each parallel reader a {@link dev.sluice.api.connector.source.util.ratelimit.RateLimiter}
 * with its share, which the reader consults with the processing-time clock on every poll.
 */
package dev.sluice.api.connector.source.util.ratelimit;
