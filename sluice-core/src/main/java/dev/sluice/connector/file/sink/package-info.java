/**
 * A sink that writes rows to part files and publishes them atomically: {@link
 * dev.sluice.connector.file.sink.FileSink}.
 */
package dev.sluice.connector.file.sink;
