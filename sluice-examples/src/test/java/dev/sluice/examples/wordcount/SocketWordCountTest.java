package dev.sluice.examples.wordcount;

import static org.assertj.core.api.Assertions.assertThat;

import dev.sluice.core.execution.JobClient;
import dev.sluice.streaming.api.environment.StreamExecutionEnvironment;
import java.io.ByteArrayOutputStream;
import java.io.OutputStream;
import java.io.PrintStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Runs the seed program against a real socket and checks every running count it prints. */
@Timeout(60)
class SocketWordCountTest {
  private static final List<String> INPUT = List.of(
      "to be or not to be",
      "that is the question",
      "to sleep perchance to dream",
      "the rest is silence",
      "be be be");

  private static final Pattern LINE = Pattern.compile("(?:\\d+> )?\\((.*),(\\d+)\\)");

  @ParameterizedTest(name = "parallelism {0}")
  @ValueSource(ints = {1, 2})
  void printsTheRunningCountOfEveryWord(int parallelism) throws Exception {
    List<String> printed = run(parallelism);

    // what the program must print: for each word occurrence, its count so far
    List<String> expected = new ArrayList<>();
    Map<String, Integer> counts = new HashMap<>();
    for (String line : INPUT) {
      for (String word : line.split("\\s")) {
        expected.add("(" + word + "," + counts.merge(word, 1, Integer::sum) + ")");
      }
    }

    List<String> stripped = new ArrayList<>();
    Map<String, List<Integer>> sequences = new LinkedHashMap<>();
    for (String line : printed) {
      Matcher m = LINE.matcher(line);
      assertThat(m.matches()).as("printed line '%s'", line).isTrue();
      if (parallelism > 1) {
        assertThat(line).matches("[12]> .*");
      } else {
        assertThat(line).startsWith("(");
      }
      stripped.add("(" + m.group(1) + "," + m.group(2) + ")");
      sequences.computeIfAbsent(m.group(1), w -> new ArrayList<>()).add(Integer.parseInt(m.group(2)));
    }
    assertThat(stripped).containsExactlyInAnyOrderElementsOf(expected);
    for (Map.Entry<String, List<Integer>> e : sequences.entrySet()) {
      List<Integer> oneToN = new ArrayList<>();
      for (int i = 1; i <= counts.get(e.getKey()); i++) {
        oneToN.add(i);
      }
      assertThat(e.getValue()).as("counts of '%s'", e.getKey()).containsExactlyElementsOf(oneToN);
    }
  }

  private static List<String> run(int parallelism) throws Exception {
    PrintStream originalOut = System.out;
    ByteArrayOutputStream captured = new ByteArrayOutputStream();
    try (ServerSocket server = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
      server.setSoTimeout(30_000);
      StreamExecutionEnvironment env = StreamExecutionEnvironment.createLocalEnvironment(parallelism);
      System.setOut(new PrintStream(captured, true, StandardCharsets.UTF_8));
      JobClient job;
      try {
        SocketWordCount.buildJob(env, "127.0.0.1", server.getLocalPort());
        job = env.executeAsync("WordCount");
        try (Socket peer = server.accept(); OutputStream out = peer.getOutputStream()) {
          for (String line : INPUT) {
            out.write((line + "\n").getBytes(StandardCharsets.UTF_8));
            out.flush();
          }
        } // closing the connection ends the job
        job.getJobExecutionResult().get(30, TimeUnit.SECONDS);
      } finally {
        System.out.flush();
        System.setOut(originalOut);
      }
    }
    String text = captured.toString(StandardCharsets.UTF_8);
    return text.isEmpty() ? List.of() : List.of(text.split("\\R"));
  }
}
