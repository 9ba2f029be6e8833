package dev.sluice.api.common.eventtime;

import java.io.Serializable;

/** Creates a timestamp assigner per source split or per parallel subtask. */
@FunctionalInterface
public interface TimestampAssignerSupplier<T> extends Serializable {
  TimestampAssigner<T> createTimestampAssigner(Context context);

  /** Reserved for what an assigner may need from the runtime. */
  interface Context {}
}
