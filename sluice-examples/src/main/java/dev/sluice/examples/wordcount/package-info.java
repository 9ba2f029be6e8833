/** The seed program: Flink's socket word count with only its imports changed. */
package dev.sluice.examples.wordcount;
