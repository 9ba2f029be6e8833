package dev.sluice.streaming.api.functions.sink;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class PrintSinkTest {
  @Test
  void prefixesLikeFlink() {
    assertThat(PrintSink.prefix("", 0, 1)).isEmpty();
    assertThat(PrintSink.prefix("", 1, 4)).isEqualTo("2> ");
    assertThat(PrintSink.prefix("valid", 0, 1)).isEqualTo("valid> ");
    assertThat(PrintSink.prefix("valid", 2, 3)).isEqualTo("valid:3> ");
  }
}
