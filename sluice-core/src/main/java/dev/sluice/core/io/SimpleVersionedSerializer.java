package dev.sluice.core.io;

import java.io.IOException;

/**
 * Turns connector objects (source splits, enumerator checkpoints, sink committables) into bytes
 * and back. The version is stored next to the bytes, so a newer connector can read the bytes an
 * older one wrote.
 */
public interface SimpleVersionedSerializer<E> {
  /** The version of the format {@link #serialize} writes. */
  int getVersion();

  byte[] serialize(E obj) throws IOException;

  /** Reads bytes written by {@link #serialize} of the given version. */
  E deserialize(int version, byte[] serialized) throws IOException;
}
