package dev.sluice.runtime;

import static org.assertj.core.api.Assertions.assertThat;

import dev.sluice.streaming.api.datastream.DataStream;
import dev.sluice.streaming.api.environment.StreamExecutionEnvironment;
import java.util.List;
import java.util.function.Function;
import java.util.stream.Collectors;
import java.util.stream.LongStream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** End of input travels through every exchange, and every record arrives exactly once. */
class ExchangeTest {
  static final long N = 20_000;

  static List<Arguments> exchanges() {
    List<Arguments> args = new java.util.ArrayList<>();
    for (String exchange : List.of("forward", "rebalance", "shuffle", "hash", "broadcast")) {
      for (int up = 1; up <= 3; up++) {
        for (int down = 1; down <= 3; down++) {
          if (exchange.equals("forward") && up != down) {
            continue;
          }
          args.add(Arguments.of(exchange, up, down));
        }
      }
    }
    return args;
  }

  @ParameterizedTest(name = "{0} {1}->{2}")
  @MethodSource("exchanges")
  void everyRecordArrivesAndTheJobEnds(String exchange, int up, int down) throws Exception {
    StreamExecutionEnvironment env = StreamExecutionEnvironment.createLocalEnvironment(up);
    env.getConfig().setChannelBatchSize(7).setChannelCapacity(2);
    DataStream<Long> source = env.fromSequence(1, N).map(x -> x).setParallelism(up);
    Function<DataStream<Long>, DataStream<Long>> partition = switch (exchange) {
      case "forward" -> DataStream::forward;
      case "rebalance" -> DataStream::rebalance;
      case "shuffle" -> DataStream::shuffle;
      case "broadcast" -> DataStream::broadcast;
      default -> s -> s.keyBy(x -> x % 101);
    };
    List<Long> out = partition.apply(source).map(x -> x).setParallelism(down)
        .executeAndCollect(Integer.MAX_VALUE);

    int copies = exchange.equals("broadcast") ? down : 1;
    assertThat(out).hasSize((int) N * copies);
    assertThat(out.stream().collect(Collectors.groupingBy(x -> x, Collectors.counting())))
        .isEqualTo(LongStream.rangeClosed(1, N).boxed()
            .collect(Collectors.toMap(x -> x, x -> (long) copies)));
  }
}
