package dev.sluice.examples.wordcount;

import dev.sluice.api.common.typeinfo.Types;
import dev.sluice.api.java.tuple.Tuple2;
import dev.sluice.streaming.api.datastream.DataStream;
import dev.sluice.streaming.api.environment.StreamExecutionEnvironment;
import dev.sluice.util.Collector;

/**
 * Counts the words of the lines a socket sends and prints the running count of each word. Start a
 * text server first, e.g. {@code nc -lk 9999}, then run with {@code [host] [port]} (defaults
 * {@code localhost 9999}).
 */
public final class SocketWordCount {
  private SocketWordCount() {}

  public static void main(String[] args) throws Exception {
    String host = args.length > 0 ? args[0] : "localhost";
    int port = args.length > 1 ? Integer.parseInt(args[1]) : 9999;

    StreamExecutionEnvironment env = StreamExecutionEnvironment.getExecutionEnvironment();
    buildJob(env, host, port);
    env.execute("WordCount");
  }

  /** Defines the job on {@code env}: read lines from {@code host:port}, print running counts. */
  public static void buildJob(StreamExecutionEnvironment env, String host, int port) {
    DataStream<String> text = env.socketTextStream(host, port);
    DataStream<Tuple2<String, Integer>> wordCounts = text
        .flatMap((String line, Collector<Tuple2<String, Integer>> out) -> {
          for (String word : line.split("\\s")) {
            out.collect(new Tuple2<>(word, 1));
          }
        })
        .returns(Types.TUPLE(Types.STRING, Types.INT))
        .keyBy(0)
        .sum(1);
    wordCounts.print();
  }
}
