/**
 * When a file sink starts a new part file: {@link
 * dev.sluice.streaming.api.functions.sink.filesystem.RollingPolicy} and the facts it decides on,
 * {@link dev.sluice.streaming.api.functions.sink.filesystem.PartFileInfo}.
 */
package dev.sluice.streaming.api.functions.sink.filesystem;
