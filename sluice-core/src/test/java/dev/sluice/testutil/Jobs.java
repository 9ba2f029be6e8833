package dev.sluice.testutil;

import dev.sluice.api.common.eventtime.WatermarkStrategy;
import dev.sluice.streaming.api.datastream.DataStream;
import dev.sluice.streaming.api.environment.StreamExecutionEnvironment;
import dev.sluice.util.CloseableIterator;
import java.io.Serializable;
import java.util.ArrayList;
import java.util.List;

/** Small helpers for job-level tests. */
public final class Jobs {
  private Jobs() {}

  /** An environment for tests: explicit watermarks only, small batches. */
  public static StreamExecutionEnvironment env(int parallelism) {
    StreamExecutionEnvironment env = StreamExecutionEnvironment.createLocalEnvironment(parallelism);
    env.getConfig().setAutoWatermarkInterval(0).setChannelBatchSize(16).setWorkerThreads(2);
    return env;
  }

  /** A single-split scripted source at parallelism 1. */
  public static <T extends Serializable> DataStream<T> scripted(StreamExecutionEnvironment env,
      String name, List<ScriptedSource.Step<T>> script, Class<T> type) {
    return env.fromSource(new ScriptedSource<>(List.of(script)), WatermarkStrategy.noWatermarks(),
        name, dev.sluice.api.common.typeinfo.TypeInformation.of(type)).setParallelism(1);
  }

  /** Runs the job and returns everything {@code stream} produced. */
  public static <T> List<T> collect(DataStream<T> stream) throws Exception {
    List<T> out = new ArrayList<>();
    try (CloseableIterator<T> it = stream.executeAndCollect()) {
      it.forEachRemaining(out::add);
    } catch (IllegalStateException e) {
      if (e.getCause() instanceof dev.sluice.api.common.JobExecutionException failed) {
        throw failed;
      }
      throw e;
    }
    return out;
  }
}
