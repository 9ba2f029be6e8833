package dev.sluice.api.common;

import java.util.UUID;

/** Identifies one run of a job. */
public record JobID(UUID value) {
  public static JobID generate() {
    return new JobID(UUID.randomUUID());
  }

  @Override
  public String toString() {
    return value.toString().replace("-", "");
  }
}
