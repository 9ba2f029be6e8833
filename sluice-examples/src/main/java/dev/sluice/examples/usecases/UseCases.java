package dev.sluice.examples.usecases;

import dev.sluice.api.connector.source.util.ratelimit.RateLimiterStrategy;

/** Small helpers shared by the use-case examples. */
public final class UseCases {
  /** Events of a {@code main} run when none are given. */
  public static final long MAIN_DEFAULT_EVENTS = 20_000;

  private UseCases() {}

  /** The rate limit of {@code options}: none when the rate is 0. */
  public static RateLimiterStrategy rateLimiter(ExampleOptions options) {
    return options.rate() > 0 ? RateLimiterStrategy.perSecond(options.rate()) : RateLimiterStrategy.noOp();
  }

  /** Options of a {@code main(args)}: {@code [events [rate]]}, by default 20,000 events unthrottled. */
  public static ExampleOptions mainOptions(String[] args) {
    ExampleOptions options = new ExampleOptions().events(MAIN_DEFAULT_EVENTS).rate(0);
    if (args.length > 0) {
      options.events(Long.parseLong(args[0]));
    }
    if (args.length > 1) {
      options.rate(Double.parseDouble(args[1]));
    }
    return options;
  }
}
