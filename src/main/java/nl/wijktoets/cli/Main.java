package nl.wijktoets.cli;

import java.io.FileDescriptor;
import java.io.FileOutputStream;
import java.io.FilterOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.ResourceBundle;
import nl.wijktoets.i18n.Language;
import nl.wijktoets.i18n.Messages;
import nl.wijktoets.util.OutputFiles;
import picocli.CommandLine;
import picocli.CommandLine.Model.CommandSpec;

/** The command line entry point: {@code java -jar wijktoets.jar}. */
public final class Main {

  private Main() {}

  public static void main(String[] args) {
    StandardOutput stdout = new StandardOutput(new FileOutputStream(FileDescriptor.out));
    PrintWriter out = new PrintWriter(new OutputStreamWriter(stdout, StandardCharsets.UTF_8), true);
    PrintWriter err =
        new PrintWriter(
            new OutputStreamWriter(
                new FileOutputStream(FileDescriptor.err), StandardCharsets.UTF_8),
            true);
    // a thread that dies (a worker out of memory) says so in one line, never a raw stack trace
    Thread.setDefaultUncaughtExceptionHandler(
        (thread, t) -> {
          err.println("wijktoets: internal error: " + oneLine(t));
          err.flush();
        });
    int code = run(args, out, err, System.in, System.getenv());
    out.flush();
    err.flush();
    // a closed pipe (wijktoets ... | head -1) is no error: the run ends with its own exit code
    if (out.checkError() && !stdout.pipeClosed && code == ExitCode.OK.number()) {
      // standard output could not be written (a full disk, /dev/full): not a success
      Language lang = Language.fromEnvironment(System.getenv());
      err.println(
          "wijktoets: "
              + Messages.get(lang, "error.prefix")
              + ": "
              + Messages.get(lang, "error.stdout"));
      err.flush();
      code = ExitCode.INPUT_ERROR.number();
    }
    System.exit(code);
  }

  /**
   * Standard output's bytes. When the program reading them goes away ({@code wijktoets assess
   * x.yaml | head -1}: EPIPE, "Broken pipe"), the rest is dropped quietly and the run goes on to
   * its own exit code; any other write error is left to the writer, which reports it ({@code
   * error.stdout}).
   */
  static final class StandardOutput extends FilterOutputStream {
    volatile boolean pipeClosed;

    StandardOutput(OutputStream out) {
      super(out);
    }

    @Override
    public void write(int b) throws IOException {
      write(new byte[] {(byte) b}, 0, 1);
    }

    @Override
    public void write(byte[] b, int off, int len) throws IOException {
      if (pipeClosed) {
        return;
      }
      try {
        out.write(b, off, len);
      } catch (IOException e) {
        if (!OutputFiles.isClosedPipe(e)) {
          throw e;
        }
        pipeClosed = true;
      }
    }

    @Override
    public void flush() throws IOException {
      if (!pipeClosed) {
        out.flush();
      }
    }
  }

  /**
   * Runs the command line in-process, in the process's working folder, and returns the exit code.
   */
  public static int run(
      String[] args, PrintWriter out, PrintWriter err, InputStream in, Map<String, String> env) {
    return run(args, out, err, in, env, null);
  }

  /**
   * As {@link #run(String[], PrintWriter, PrintWriter, InputStream, Map)}, on a given clock (null:
   * the system clock in UTC, looked at only by the commands that need the date).
   */
  public static int run(
      String[] args,
      PrintWriter out,
      PrintWriter err,
      InputStream in,
      Map<String, String> env,
      Clock clock) {
    return run(args, out, err, in, env, clock, Path.of("").toAbsolutePath());
  }

  /**
   * Runs the command line in-process and returns the exit code (tests call this), on a given clock
   * (null: the system's) in a working folder: where the search for {@code .wijktoets.yaml} starts
   * (other relative paths, of inputs and outputs, are still the process's own).
   */
  public static int run(
      String[] args,
      PrintWriter out,
      PrintWriter err,
      InputStream in,
      Map<String, String> env,
      Clock clock,
      Path workingDirectory) {
    Console console = new Console(out, err, in, env, workingDirectory);
    if (args.length == 1 && (args[0].equals("--version") || args[0].equals("-V"))) {
      // `wijktoets --version` alone, the commonest check of an install: the lines picocli would
      // print (HelpTest compares them), without building picocli's model, most of the cost
      for (String line : new WijktoetsCommand.VersionInfo(console, null).getVersion()) {
        out.println(line);
      }
      out.flush();
      return ExitCode.OK.number();
    }
    console.clock(clock);
    // --lang (else the project settings' lang) and --verbose govern messages even about the
    // command line itself, and help
    console.language(console.settings().language(args).orElse(null));
    for (int i = 0; i < args.length; i++) {
      if (args[i].equals("--verbose")) {
        console.verbose(true);
      } else if (args[i].equals("--lang") && i + 1 < args.length) {
        console.language(Language.parse(args[i + 1]).orElse(null));
      } else if (args[i].startsWith("--lang=")) {
        console.language(Language.parse(args[i].substring(7)).orElse(null));
      }
    }
    CommandLine cli = commandLine(console, args);
    int code;
    try {
      code = cli.execute(args);
    } catch (Throwable t) { // errors such as StackOverflowError or OutOfMemoryError: still exit 3
      code = internalError(console, t);
    }
    out.flush();
    err.flush();
    return code;
  }

  /** The subcommands' names, in the order help lists them. */
  static final List<String> COMMANDS =
      List.of(
          "assess",
          "validate",
          "batch",
          "init",
          "schema",
          "rubric",
          "explain",
          "diff",
          "completion",
          "config",
          "help");

  private static Object subcommand(String name, Console console) {
    return switch (name) {
      case "assess" -> new AssessCommand(console);
      case "validate" -> new ValidateCommand(console);
      case "batch" -> new BatchCommand(console);
      case "init" -> new InitCommand(console);
      case "schema" -> new SchemaCommand(console);
      case "rubric" -> new RubricCommand(console);
      case "explain" -> new ExplainCommand(console);
      case "diff" -> new DiffCommand(console);
      case "completion" -> new CompletionCommand(console);
      case "config" -> new ConfigCommand(console);
      case "help" -> new HelpCommand(console);
      default -> throw new IllegalArgumentException(name);
    };
  }

  /**
   * Which subcommands a run with these arguments needs. Building a command's model (picocli reads
   * its annotations by reflection) is most of the cost of a short run, so: only the one the
   * arguments name; none for a version request; all when they name none (help, usage, suggestions
   * for a mistyped command).
   */
  static List<String> subcommandsFor(String[] args) {
    boolean version = false;
    boolean help = false;
    for (String a : args) {
      if (a.equals("help")) {
        return COMMANDS; // help COMMAND prints another command's usage
      }
      if (COMMANDS.contains(a)) {
        return List.of(a);
      }
      version |= a.equals("--version") || a.equals("-V");
      help |= a.equals("--help") || a.equals("-h");
    }
    return version && !help ? List.of() : COMMANDS;
  }

  /** The full command tree, with the exit-code and error handling every command shares. */
  public static CommandLine commandLine(Console console) {
    return commandLine(console, COMMANDS);
  }

  /** The command tree a run with these arguments needs (see {@link #subcommandsFor}). */
  static CommandLine commandLine(Console console, String[] args) {
    return commandLine(console, subcommandsFor(args));
  }

  private static CommandLine commandLine(Console console, List<String> subcommands) {
    CommandLine cli = new CommandLine(new WijktoetsCommand(console));
    for (String name : subcommands) {
      cli.addSubcommand(subcommand(name, console));
    }
    if (subcommands.contains("config")) {
      // config COMMAND --min-score 60: the options after COMMAND are that command's
      cli.getSubcommands().get("config").setUnmatchedOptionsArePositionalParams(true);
    }
    // project settings (.wijktoets.yaml) are the options' defaults; --version names the file
    for (CommandLine c : commandTree(cli)) {
      CommandSpec spec = c.getCommandSpec();
      spec.defaultValueProvider(console.settings().provider(spec));
      spec.versionProvider(new WijktoetsCommand.VersionInfo(console, spec));
    }
    // help texts: help_nl.properties for Dutch (what it lacks stays in English); help.properties
    // holds the English texts of shared options where a command says them its own way
    cli.setResourceBundle(
        ResourceBundle.getBundle(
            "nl.wijktoets.cli.help",
            console.language().locale(),
            ResourceBundle.Control.getNoFallbackControl(ResourceBundle.Control.FORMAT_PROPERTIES)));
    // parameter labels (FILE, PATH) in the help's language too
    cli.setHelpFactory(HelpTexts.factory());
    cli.setOut(console.out());
    cli.setErr(console.err());
    cli.setCaseInsensitiveEnumValuesAllowed(true);
    cli.setExecutionExceptionHandler(
        (ex, commandLine, parseResult) ->
            ex instanceof CliException e ? report(console, e) : internalError(console, ex));
    cli.setParameterExceptionHandler(
        (ex, args) ->
            ex.getCause() instanceof CliException e
                ? report(console, e)
                : UsageErrors.report(console, ex));
    return cli;
  }

  /** The command and its subcommands. */
  static List<CommandLine> commandTree(CommandLine top) {
    List<CommandLine> all = new ArrayList<>();
    all.add(top);
    all.addAll(top.getSubcommands().values());
    return all;
  }

  /**
   * The one place where a command's error ({@link CliException}, thrown by a command or a type
   * converter) is printed: {@code wijktoets: error: MESSAGE}, then the exit code.
   */
  private static int report(Console console, CliException e) {
    String message = e.message(console.language());
    if (message != null) {
      console.error(message);
    }
    return e.exitCode().number();
  }

  /** A crash: one line (and with --verbose the stack trace), exit 3, never 1. */
  private static int internalError(Console console, Throwable t) {
    OutputFiles.WriteError writeError = OutputFiles.WriteError.in(t);
    if (writeError != null) { // wrapped by a library (an XML writer): a write error all the same
      console.error(CliException.writeError(console.language(), writeError));
      return ExitCode.INPUT_ERROR.number();
    }
    console.error(console.msg("error.internal", oneLine(t)));
    if (console.verbose()) {
      t.printStackTrace(console.err());
    }
    return ExitCode.INPUT_ERROR.number();
  }

  static String oneLine(Throwable t) {
    String m = t.getMessage() == null ? t.getClass().getSimpleName() : t.getMessage();
    return m.replaceAll("\\s+", " ").strip();
  }
}
