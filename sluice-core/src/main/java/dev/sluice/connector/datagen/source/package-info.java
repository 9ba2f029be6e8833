/**
 * A source of generated data: {@link dev.sluice.connector.datagen.source.DataGeneratorSource} maps
 * the indexes {@code 0..count-1} through a {@link
 * dev.sluice.connector.datagen.source.GeneratorFunction}, in parallel and optionally rate limited.
 */
package dev.sluice.connector.datagen.source;
