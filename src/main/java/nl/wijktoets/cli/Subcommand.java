package nl.wijktoets.cli;

import java.io.IOException;
import java.util.concurrent.Callable;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/**
 * What every {@code wijktoets} subcommand is: a thin layer that reads its options, calls the core
 * and prints through the {@link Console}.
 *
 * <ul>
 *   <li>Its shared options ({@link Mixins}: {@code --lang}, {@code -q}, {@code --verbose}) set up
 *       the console before it runs, the same way in every command.
 *   <li>It ends with an {@link ExitCode}; it stops on an error by throwing {@link CliException},
 *       which {@link Main} reports.
 * </ul>
 */
abstract class Subcommand implements Callable<Integer> {

  @Spec CommandSpec spec;

  final Console console;

  Subcommand(Console console) {
    this.console = console;
  }

  @Override
  public final Integer call() throws IOException {
    for (CommandSpec mixin : spec.mixins().values()) {
      if (mixin.userObject() instanceof Mixins.ConsoleSetting setting) {
        setting.applyTo(console);
      }
    }
    return execute().number();
  }

  /** Does the command's work. */
  abstract ExitCode execute() throws IOException;
}
