/** Settings that go with a job when it is submitted, such as where it restores from. */
package dev.sluice.runtime.jobgraph;
