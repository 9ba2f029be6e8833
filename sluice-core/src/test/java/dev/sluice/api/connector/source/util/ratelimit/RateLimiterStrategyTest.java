package dev.sluice.api.connector.source.util.ratelimit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class RateLimiterStrategyTest {
  @Test
  void perSecondFollowsTheScheduleOfItsShare() {
    // 4,000/s over 4 readers: 1 record per ms each
    RateLimiter limiter = RateLimiterStrategy.perSecond(4_000).createRateLimiter(4);
    assertThat(limiter.isUnlimited()).isFalse();
    assertThat(limiter.availablePermits(1_000)).isEqualTo(1); // the first record at once
    limiter.acquire(1);
    assertThat(limiter.availablePermits(1_000)).isZero(); // ahead of schedule
    assertThat(limiter.availablePermits(1_010)).isEqualTo(10);
    limiter.acquire(4);
    assertThat(limiter.availablePermits(1_010)).isEqualTo(6);
    limiter.acquire(6);
    assertThat(limiter.availablePermits(1_010)).isZero();
    assertThat(limiter.availablePermits(1_110)).isEqualTo(100);
  }

  @Test
  void fractionalRatesAccumulate() {
    RateLimiter limiter = RateLimiterStrategy.perSecond(2.5).createRateLimiter(1);
    assertThat(limiter.availablePermits(0)).isEqualTo(1);
    limiter.acquire(1);
    assertThat(limiter.availablePermits(399)).isZero();
    assertThat(limiter.availablePermits(400)).isEqualTo(1);
    limiter.acquire(1);
    assertThat(limiter.availablePermits(799)).isZero();
    assertThat(limiter.availablePermits(800)).isEqualTo(1);
  }

  @Test
  void aLongStallCatchesUpByAtMostOneSecond() {
    RateLimiter limiter = RateLimiterStrategy.perSecond(1_000).createRateLimiter(1);
    assertThat(limiter.availablePermits(0)).isEqualTo(1);
    limiter.acquire(1);
    // stalled for a minute: one second's worth may be emitted, not sixty
    assertThat(limiter.availablePermits(60_000)).isEqualTo(1_000);
    limiter.acquire(1_000);
    assertThat(limiter.availablePermits(60_000)).isZero();
    assertThat(limiter.availablePermits(60_005)).isEqualTo(5);
  }

  @Test
  void noOpIsUnlimited() {
    RateLimiter limiter = RateLimiterStrategy.noOp().createRateLimiter(3);
    assertThat(limiter.isUnlimited()).isTrue();
    assertThat(limiter.availablePermits(0)).isEqualTo(RateLimiter.UNLIMITED);
  }

  @Test
  void rejectsNonPositiveRates() {
    assertThatThrownBy(() -> RateLimiterStrategy.perSecond(0)).isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> RateLimiterStrategy.perSecond(-1)).isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> RateLimiterStrategy.perSecond(Double.NaN)).isInstanceOf(IllegalArgumentException.class);
  }
}
