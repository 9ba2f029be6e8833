/** The {@code sluice} command line (picocli): the demo, examples, version and help. */
package dev.sluice.cli;
