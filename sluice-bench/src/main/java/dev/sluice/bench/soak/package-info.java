/** Long runs that watch resources: memory under sustained backpressure. */
package dev.sluice.bench.soak;
