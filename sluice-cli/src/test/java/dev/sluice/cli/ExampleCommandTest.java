package dev.sluice.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.sluice.examples.usecases.Examples;
import dev.sluice.examples.usecases.ResultPrinter;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class ExampleCommandTest {
  private final ByteArrayOutputStream outBytes = new ByteArrayOutputStream();
  private final ByteArrayOutputStream errBytes = new ByteArrayOutputStream();
  private final PrintStream out = new PrintStream(outBytes, true, StandardCharsets.UTF_8);
  private final PrintStream err = new PrintStream(errBytes, true, StandardCharsets.UTF_8);

  private int run(String... args) {
    return SluiceCli.run(out, err, args);
  }

  private String out() {
    return outBytes.toString(StandardCharsets.UTF_8);
  }

  private String err() {
    return errBytes.toString(StandardCharsets.UTF_8);
  }

  @Test
  void listsTheExamples() {
    assertThat(run("example")).isZero();
    for (Examples e : Examples.values()) {
      assertThat(out()).contains(e.exampleName()).contains(e.description());
    }
    assertThat(out()).contains("anomaly", "fraud", "iot", "sales", "sessions");
  }

  @ParameterizedTest
  @ValueSource(strings = {"anomaly", "fraud", "iot"})
  void boundedRunPrintsResultsAndASummary(String name) {
    int code = run("example", name, "--events", "5k", "--rate", "0", "-p", "2");
    assertThat(code).as(err()).isZero();
    List<String> lines = out().lines().toList();
    assertThat(lines.get(0)).isEqualTo(Examples.byName(name).orElseThrow().jobName());
    assertThat(out()).contains("5,000 events", "parallelism: 2");
    assertThat(lines).anyMatch(l -> l.startsWith("ALERT "));
    String summary = lines.get(lines.size() - 1);
    assertThat(summary).startsWith(ResultPrinter.SUMMARY).contains("ALERT=", "LATE=");
    long alerts = lines.stream().filter(l -> l.startsWith("ALERT ")).count();
    long late = lines.stream().filter(l -> l.startsWith("LATE ")).count();
    assertThat(summary).contains(String.format("ALERT=%,d", alerts), String.format("LATE=%,d", late));
    assertThat(err()).isEmpty();
  }

  @ParameterizedTest
  @ValueSource(strings = {"sales:SALES", "sessions:SESSION"})
  void windowedExamplesRunBoundedAndPrintTheirResults(String nameAndKind) {
    String name = nameAndKind.split(":")[0];
    String kind = nameAndKind.split(":")[1];
    int code = run("example", name, "--events", "20k", "--rate", "0");
    assertThat(code).as(err()).isZero();
    List<String> lines = out().lines().toList();
    assertThat(lines.get(0)).isEqualTo(Examples.byName(name).orElseThrow().jobName());
    assertThat(out()).contains("20,000 events");
    long results = lines.stream().filter(l -> l.startsWith(kind + " ")).count();
    long late = lines.stream().filter(l -> l.startsWith("LATE ")).count();
    assertThat(results).isGreaterThan(20);
    String summary = lines.get(lines.size() - 1);
    assertThat(summary).startsWith(ResultPrinter.SUMMARY)
        .contains(String.format("%s=%,d", kind, results), String.format("LATE=%,d", late));
    assertThat(err()).isEmpty();
  }

  @Test
  void badArgumentsExitWithTwoAndOneLine() {
    assertThat(run("example", "nope")).isEqualTo(2);
    assertThat(err()).contains("unknown example 'nope'").contains("anomaly, fraud, iot");
    assertThat(run("example", "fraud", "--events", "0")).isEqualTo(2);
    assertThat(run("example", "fraud", "-p", "0")).isEqualTo(2);
    assertThat(err().strip().lines()).hasSize(3).allMatch(l -> l.startsWith("sluice example: "));
    assertThat(out()).isEmpty();
  }
}
