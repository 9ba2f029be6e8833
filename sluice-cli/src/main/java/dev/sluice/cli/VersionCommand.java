package dev.sluice.cli;

import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/** {@code sluice version}: prints the version of Sluice and of the Java runtime. */
@Command(name = "version", mixinStandardHelpOptions = true,
    description = "Print the version of Sluice and of the Java runtime.")
final class VersionCommand implements Callable<Integer> {
  @Spec
  CommandSpec spec;

  @Override
  public Integer call() {
    spec.commandLine().getOut().println(SluiceCli.versionLine());
    spec.commandLine().getOut().flush();
    return 0;
  }
}
