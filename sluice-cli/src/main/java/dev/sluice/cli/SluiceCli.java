package dev.sluice.cli;

import java.io.InputStream;
import java.io.PrintStream;
import java.io.PrintWriter;
import java.util.Properties;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.IParameterExceptionHandler;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/**
 * The {@code sluice} command: {@code sluice demo}, {@code sluice example}, {@code sluice version}, {@code sluice help}.
 *
 * <p>Exit codes: 0 on success (also when the demo is stopped with Ctrl-C), 1 when a job fails, 2
 * on a bad command line (a one-line message on standard error).
 */
@Command(name = "sluice",
    mixinStandardHelpOptions = true,
    versionProvider = SluiceCli.Version.class,
    description = "Sluice, an embeddable stream processing engine for Java 17.",
    subcommands = {DemoCommand.class, ExampleCommand.class, CheckpointsCommand.class, KafkaCommand.class, VersionCommand.class, CommandLine.HelpCommand.class},
    footer = {"", "Try: sluice demo --events 1000000"})
public final class SluiceCli implements Callable<Integer> {
  /** Exit code of a bad command line. */
  public static final int EXIT_USAGE = 2;

  @Spec
  CommandSpec spec;

  @Override
  public Integer call() {
    spec.commandLine().usage(spec.commandLine().getOut());
    return 0;
  }

  public static void main(String[] args) {
    if (System.getProperty("org.slf4j.simpleLogger.defaultLogLevel") == null) {
      System.setProperty("org.slf4j.simpleLogger.defaultLogLevel", "warn");
    }
    System.exit(run(System.out, System.err, args));
  }

  /** Runs the command line and returns its exit code, printing to {@code out} and {@code err}. */
  public static int run(PrintStream out, PrintStream err, String... args) {
    return commandLine(out, err).execute(args);
  }

  /** The configured command line, printing to {@code out} and {@code err}. */
  public static CommandLine commandLine(PrintStream out, PrintStream err) {
    CommandLine cli = new CommandLine(new SluiceCli());
    cli.setOut(new PrintWriter(out, true));
    cli.setErr(new PrintWriter(err, true));
    cli.setParameterExceptionHandler(new OneLineErrors());
    cli.setCaseInsensitiveEnumValuesAllowed(true);
    for (CommandLine sub : cli.getSubcommands().values()) {
      if (sub.getCommand() instanceof CheckpointsCommand checkpoints) {
        checkpoints.out = out;
      }
      if (sub.getCommand() instanceof DemoCommand demo) {
        demo.out = out;
        demo.err = err;
      } else if (sub.getCommand() instanceof ExampleCommand example) {
        example.out = out;
        example.err = err;
      } else if (sub.getCommand() instanceof KafkaCommand kafka) {
        kafka.out = out;
        kafka.err = err;
      }
    }
    return cli;
  }

  /** A bad command line: one line on standard error, exit code 2. */
  static final class OneLineErrors implements IParameterExceptionHandler {
    @Override
    public int handleParseException(ParameterException ex, String[] args) {
      CommandLine cmd = ex.getCommandLine();
      String path = cmd.getCommandSpec().qualifiedName();
      String message = ex.getMessage() == null ? ex.toString() : ex.getMessage().strip();
      message = message.replace(System.lineSeparator(), " ").replace('\n', ' ');
      cmd.getErr().println(path + ": " + message + " (see '" + path + " --help')");
      cmd.getErr().flush();
      return EXIT_USAGE;
    }
  }

  /** The version of the running Sluice, from the jar's Maven descriptor when there is one. */
  public static String version() {
    String resource = "/META-INF/maven/dev.sluice/sluice-cli/pom.properties";
    try (InputStream in = SluiceCli.class.getResourceAsStream(resource)) {
      if (in != null) {
        Properties p = new Properties();
        p.load(in);
        String v = p.getProperty("version");
        if (v != null && !v.isBlank()) {
          return v;
        }
      }
    } catch (java.io.IOException e) {
      // fall through
    }
    Package pkg = SluiceCli.class.getPackage();
    String v = pkg == null ? null : pkg.getImplementationVersion();
    return v == null ? "development build" : v;
  }

  static String versionLine() {
    return "Sluice " + version() + " (Java " + System.getProperty("java.version") + ", "
        + System.getProperty("java.vm.name") + ")";
  }

  /** Feeds {@code --version}. */
  static final class Version implements CommandLine.IVersionProvider {
    @Override
    public String[] getVersion() {
      return new String[] {versionLine()};
    }
  }
}
