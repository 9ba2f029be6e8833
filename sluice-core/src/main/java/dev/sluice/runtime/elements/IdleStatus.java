package dev.sluice.runtime.elements;

/**
 * The upstream subtask became idle (it will send no records for a while and its watermark must not
 * hold back event time) or active again.
 */
public record IdleStatus(boolean idle) implements Control {
  public static final IdleStatus IDLE = new IdleStatus(true);
  public static final IdleStatus ACTIVE = new IdleStatus(false);
}
