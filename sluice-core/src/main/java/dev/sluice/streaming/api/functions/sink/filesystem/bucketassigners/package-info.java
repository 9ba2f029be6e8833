/** Built-in bucket assigners of the file sink: the base path, or a directory per time period. */
package dev.sluice.streaming.api.functions.sink.filesystem.bucketassigners;
