package dev.sluice.api.common.functions;

/** The open context the runtime passes today: it carries nothing yet. */
public final class DefaultOpenContext implements OpenContext {
  public static final DefaultOpenContext INSTANCE = new DefaultOpenContext();

  private DefaultOpenContext() {}
}
