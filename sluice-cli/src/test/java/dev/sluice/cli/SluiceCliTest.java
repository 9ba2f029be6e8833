package dev.sluice.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.sluice.examples.demo.LiveRevenueSink;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;
import picocli.CommandLine.ParseResult;

class SluiceCliTest {
  private final ByteArrayOutputStream outBytes = new ByteArrayOutputStream();
  private final ByteArrayOutputStream errBytes = new ByteArrayOutputStream();
  private final PrintStream out = new PrintStream(outBytes, true, StandardCharsets.UTF_8);
  private final PrintStream err = new PrintStream(errBytes, true, StandardCharsets.UTF_8);

  @org.junit.jupiter.api.io.TempDir java.nio.file.Path tmp;

  /** Runs the CLI; a demo checkpoints into this test's temporary directory. */
  private int run(String... args) {
    if (args.length > 0 && args[0].equals("demo")) {
      String[] more = java.util.Arrays.copyOf(args, args.length + 2);
      more[args.length] = "--checkpoint-dir";
      more[args.length + 1] = tmp.resolve("demo-checkpoints").toString();
      args = more;
    }
    return SluiceCli.run(out, err, args);
  }

  private String out() {
    return outBytes.toString(StandardCharsets.UTF_8);
  }

  private String err() {
    return errBytes.toString(StandardCharsets.UTF_8);
  }

  @Test
  void parsesDemoOptions() {
    CommandLine cli = SluiceCli.commandLine(out, err);
    ParseResult result = cli.parseArgs("demo", "--events", "1_000", "--rate", "50k", "-p", "3", "--plain");
    DemoCommand demo = (DemoCommand) result.subcommand().commandSpec().userObject();
    assertThat(demo.events).isEqualTo(1_000L);
    assertThat(demo.rate).isEqualTo(50_000.0);
    assertThat(demo.parallelism).isEqualTo(3);
    assertThat(demo.plain).isTrue();

    result = SluiceCli.commandLine(out, err).parseArgs("demo", "-n", "2M");
    demo = (DemoCommand) result.subcommand().commandSpec().userObject();
    assertThat(demo.events).isEqualTo(2_000_000L);
    assertThat(demo.rate).isEqualTo(200_000.0); // the default
    assertThat(demo.parallelism).isNull();
  }

  @Test
  void demoRunsToCompletionAndPrintsTheFinalTable() {
    int code = run("demo", "--events", "5000", "--rate", "0", "--parallelism", "2");
    assertThat(code).as(err()).isZero();
    assertThat(out()).contains("Sluice demo", "5,000 events")
        .contains(LiveRevenueSink.FINAL_TITLE)
        .contains("electronics")
        .contains("5,000 events of 5,000 (100%)");
    assertThat(out()).doesNotContain("\033["); // not a terminal: no escapes
    assertThat(err()).isEmpty();
  }

  @Test
  void badOptionValueExitsWithTwoAndOneLine() {
    assertThat(run("demo", "--events", "lots")).isEqualTo(2);
    assertThat(err()).contains("--events").contains("'lots'").contains("not a");
    assertThat(err().strip().lines().count()).isEqualTo(1);
    assertThat(out()).isEmpty();
  }

  @Test
  void outOfRangeValuesExitWithTwo() {
    assertThat(run("demo", "--events", "0")).isEqualTo(2);
    assertThat(run("demo", "--rate", "-5")).isEqualTo(2);
    assertThat(run("demo", "--parallelism", "0")).isEqualTo(2);
    assertThat(err().strip().lines()).hasSize(3)
        .allMatch(l -> l.startsWith("sluice demo: "));
  }

  @Test
  void unknownCommandOrOptionExitsWithTwo() {
    assertThat(run("demox")).isEqualTo(2);
    assertThat(run("demo", "--bogus")).isEqualTo(2);
    assertThat(err()).contains("'demox'").contains("'--bogus'");
  }

  @Test
  void versionAndHelp() {
    assertThat(run("version")).isZero();
    assertThat(out()).startsWith("Sluice ").contains("Java ");
    outBytes.reset();
    assertThat(run("--help")).isZero();
    assertThat(out()).contains("Usage: sluice", "demo", "version", "help");
    outBytes.reset();
    assertThat(run("help", "demo")).isZero();
    assertThat(out()).contains("--events", "--rate", "--parallelism");
    outBytes.reset();
    assertThat(run()).isZero();
    assertThat(out()).contains("Usage: sluice");
  }

  @Test
  void countsAcceptCommonSpellings() {
    assertThat(Counts.parse("5000")).isEqualTo(5000);
    assertThat(Counts.parse("5,000")).isEqualTo(5000);
    assertThat(Counts.parse("1.5M")).isEqualTo(1_500_000);
    assertThat(Counts.parse("200k")).isEqualTo(200_000);
    assertThat(Counts.parse("0")).isEqualTo(0);
  }
}
