package nl.wijktoets.report;

import freemarker.cache.ClassTemplateLoader;
import freemarker.cache.TemplateLoader;
import freemarker.core.Environment;
import freemarker.core.HTMLOutputFormat;
import freemarker.core.OutputFormat;
import freemarker.core.ParseException;
import freemarker.core.TemplateClassResolver;
import freemarker.core.TemplateHTMLOutputModel;
import freemarker.core.TemplateProcessingTracer;
import freemarker.template.Configuration;
import freemarker.template.SimpleObjectWrapper;
import freemarker.template.SimpleScalar;
import freemarker.template.Template;
import freemarker.template.TemplateException;
import freemarker.template.TemplateExceptionHandler;
import freemarker.template.TemplateModel;
import freemarker.template.TemplateModelException;
import freemarker.template.TemplateScalarModel;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.io.Writer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.Map;
import java.util.TimeZone;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.FutureTask;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import nl.wijktoets.i18n.Language;
import nl.wijktoets.i18n.MarkedText;
import nl.wijktoets.i18n.Messages;

/**
 * Renders reports from Freemarker templates, hardened even for the built-in ones: no class
 * instantiation ({@code ?new} resolves nothing), {@code ?api} off, a model of plain maps, lists and
 * strings only (so no member of any Java object can be reached), auto-escaping in the report's
 * output format whatever the template's file name, locale, number format and time zone set
 * explicitly, and every error rethrown with template, line and column, never logged.
 */
public final class Templates {

  /** Where the built-in templates live on the class path. */
  public static final String BUILTIN_PATH = "/nl/wijktoets/report/templates";

  private final TemplateLoader loader;
  private final Budget budget;

  public Templates() {
    this(new ClassTemplateLoader(Templates.class, BUILTIN_PATH));
  }

  public Templates(TemplateLoader loader) {
    this(loader, Budget.DEFAULT);
  }

  private Templates(TemplateLoader loader, Budget budget) {
    this.loader = loader;
    this.budget = budget;
  }

  /**
   * Templates from a folder of the user's, each overriding the built-in one of the same name
   * (report.md.ftl, report.html.ftl, overview.md.ftl, overview.html.ftl and the partials
   * _common.ftl, _style.ftl, _chart.ftl). Includes and imports resolve in that folder, then among
   * the built-ins; nothing outside the folder can be read (Freemarker refuses names that back out
   * of the root, and the file loader refuses paths whose canonical form leaves the folder).
   */
  public static Templates withDirectory(Path dir) throws IOException {
    freemarker.cache.FileTemplateLoader files =
        new freemarker.cache.FileTemplateLoader(dir.toFile(), false);
    return new Templates(
        new freemarker.cache.MultiTemplateLoader(
            new TemplateLoader[] {files, new ClassTemplateLoader(Templates.class, BUILTIN_PATH)}));
  }

  /**
   * What a template may use while it renders: how deep elements may nest (macro calls, includes,
   * functions: a macro that calls itself forever, a template that includes itself), how many
   * characters it may write, and how long it may run. Freemarker has none of these limits itself.
   */
  public record Budget(int maxDepth, long maxChars, Duration time) {
    /** 400 nested elements, 50 MiB of output, 10 seconds: far beyond any report. */
    public static final Budget DEFAULT = new Budget(400, 50L * 1024 * 1024, Duration.ofSeconds(10));
  }

  /** The same templates with another budget (tests use a short time). */
  public Templates withBudget(Budget budget) {
    return new Templates(loader, budget);
  }

  /** The stack a render thread gets: deep enough for {@link Budget#maxDepth} nested elements. */
  private static final long RENDER_STACK = 16L * 1024 * 1024;

  /**
   * Renders a template with a model of plain maps, lists, strings, numbers and booleans, on a
   * thread of its own within the {@link Budget}.
   *
   * @throws ReportException naming the template, line and column when the template is invalid,
   *     fails or goes over its budget
   */
  public String render(String name, Map<String, Object> model, OutputFormat format, Language lang)
      throws ReportException {
    Configuration cfg = configuration(format, lang);
    Tracer tracer = new Tracer(budget, name);
    FutureTask<String> task =
        new FutureTask<>(() -> process(cfg, name, model, format, tracer, lang));
    Thread thread = new Thread(null, task, "wijktoets-template", RENDER_STACK);
    thread.setDaemon(true); // a template stuck in Java code is left behind, never waited for
    thread.start();
    try {
      return task.get(budget.time().toMillis(), TimeUnit.MILLISECONDS);
    } catch (TimeoutException e) {
      tracer.stop();
      thread.interrupt();
      throw located(
          tracer.where(),
          Messages.get(lang, "template.budget.time", budget.time().toSeconds()),
          null);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      tracer.stop();
      throw new ReportException("template " + name + ": interrupted", e);
    } catch (ExecutionException e) {
      if (e.getCause() instanceof ReportException r) {
        throw r;
      }
      if (e.getCause() instanceof StackOverflowError) {
        throw located(
            tracer.where(), Messages.get(lang, "template.budget.depth", budget.maxDepth()), null);
      }
      if (e.getCause() instanceof OutOfMemoryError) {
        // a value that keeps growing (s = s + s in a loop) fills the heap long before the output
        // budget or the deadline is reached; the render thread is gone, so its memory is free
        // again. Not a budget of its own: measuring what one thread keeps alive needs the
        // management API (start-up time, not in every runtime) and still cannot stop one huge
        // concatenation; the JVM's heap (-Xmx, WIJKTOETS_OPTS) is the limit.
        throw located(
            tracer.where(),
            Messages.get(
                lang, "template.budget.memory", Runtime.getRuntime().maxMemory() / (1024 * 1024)),
            null);
      }
      throw new ReportException(
          "template " + name + ": " + oneLine(String.valueOf(e.getCause())), e.getCause());
    }
  }

  private String process(
      Configuration cfg,
      String name,
      Map<String, Object> model,
      OutputFormat format,
      Tracer tracer,
      Language lang)
      throws ReportException {
    CountingWriter out = new CountingWriter(budget.maxChars());
    Environment env = null;
    try {
      Template template = cfg.getTemplate(name);
      env = template.createProcessingEnvironment(model, out);
      env.setTemplateProcessingTracer(tracer);
      env.process();
      return format == MarkdownOutputFormat.INSTANCE
          ? MarkdownOutputFormat.finish(out.toString())
          : out.toString();
    } catch (OverRuntime e) {
      throw located(tracer.where(), ((Over) e.getCause()).message(lang, budget), e);
    } catch (StackOverflowError e) {
      // recursion the tracer does not see (a function calling itself): where Freemarker was
      throw located(
          instructionAt(env, tracer.where()),
          Messages.get(lang, "template.budget.depth", budget.maxDepth()),
          null);
    } catch (ParseException e) {
      throw new ReportException(
          "template "
              + e.getTemplateName()
              + ":"
              + e.getLineNumber()
              + ":"
              + e.getColumnNumber()
              + ": "
              + oneLine(e.getEditorMessage()),
          e);
    } catch (TemplateException e) {
      Over over = over(e);
      if (over != null) {
        throw located(tracer.where(), over.message(lang, budget), e);
      }
      String refused = refusedInclude(e, tracer.where(), lang);
      if (refused != null) {
        throw located(tracer.where(), refused, e);
      }
      if (securityProblem(e) != null) {
        throw located(
            tracer.where(),
            Messages.get(lang, "template.link.outside", tracer.where().template()),
            e);
      }
      throw new ReportException(
          "template "
              + position(
                  e.getTemplateSourceName() == null ? name : e.getTemplateSourceName(),
                  e.getLineNumber(),
                  e.getColumnNumber())
              + ": "
              + oneLine(e.getMessageWithoutStackTop()),
          e);
    } catch (Over e) {
      throw located(tracer.where(), e.message(lang, budget), e);
    } catch (SecurityException e) {
      // the file loader refuses a path that leaves the template folder (a symbolic link to a
      // file elsewhere, whose target is not named): an include's or import's, or the report
      // template's own
      Where where = tracer.where();
      Matcher m = LINK_OUT.matcher(String.valueOf(e.getMessage()));
      String link =
          m.find() && m.group(1).startsWith(m.group(2))
              ? m.group(1).substring(m.group(2).length())
              : name;
      String key =
          where.element().startsWith("#include")
              ? "template.include.link"
              : where.element().startsWith("#import")
                  ? "template.import.link"
                  : "template.link.outside";
      throw located(where, Messages.get(lang, key, link), e);
    } catch (IOException e) {
      Over over = over(e);
      if (over != null) {
        throw located(tracer.where(), over.message(lang, budget), e);
      }
      throw new ReportException(
          "template " + name + ": " + oneLine(String.valueOf(e.getMessage())), e);
    }
  }

  /** The name an include or import was given, as Freemarker quotes it in its message. */
  private static final Pattern INCLUDED =
      Pattern.compile(
          "^Template (inclusion|importing) failed \\(for parameter value \"((?:[^\"\\\\]|\\\\.)*)\"\\)");

  /**
   * An include or import that names no template of the folder, in plain words: the name as the
   * template wrote it and why it cannot be used (a file outside the templates folder, a link that
   * leads out of it, or no such template), instead of Freemarker's description of its loaders. Null
   * for any other error.
   */
  private static String refusedInclude(TemplateException e, Where where, Language lang) {
    Matcher m = INCLUDED.matcher(String.valueOf(e.getMessage()));
    if (!m.find()) {
      return null;
    }
    String kind = m.group(1).equals("inclusion") ? "include" : "import";
    String written = m.group(2).replaceAll("\\\\(.)", "$1");
    if (securityProblem(e) != null) {
      return Messages.get(lang, "template." + kind + ".link", written);
    }
    if (!notFound(e)) {
      return null;
    }
    return Messages.get(
        lang,
        "template." + kind + (outside(written, where.template()) ? ".outside" : ".missing"),
        written);
  }

  private static boolean notFound(Throwable t) {
    for (Throwable c = t; c != null; c = c.getCause() == c ? null : c.getCause()) {
      if (c instanceof freemarker.template.TemplateNotFoundException) {
        return true;
      }
    }
    return false;
  }

  /**
   * Whether a name an include was given points out of the templates folder: {@code ..} above the
   * folder, or an absolute path to a file that exists (Freemarker reads {@code /etc/passwd} as
   * {@code etc/passwd} in the folder, but the writer meant the file).
   */
  static boolean outside(String written, String from) {
    if (written.startsWith("/") && Files.exists(Path.of(written))) {
      return true;
    }
    int depth = 0;
    if (!written.startsWith("/") && from != null) {
      depth = (int) from.chars().filter(c -> c == '/').count(); // the including template's folder
    }
    for (String segment : written.split("/")) {
      if (segment.equals("..")) {
        if (--depth < 0) {
          return true;
        }
      } else if (!segment.isEmpty() && !segment.equals(".")) {
        depth++;
      }
    }
    return false;
  }

  /**
   * Freemarker's file loader refusing a link: "PATH resolves to TARGET which doesn't start with
   * FOLDER/".
   */
  private static final Pattern LINK_OUT =
      Pattern.compile("^(.*) resolves to .* which\\s+doesn't start with (.*)$", Pattern.DOTALL);

  private static final Pattern STACK_LINE =
      Pattern.compile("in template \"([^\"]+)\".*? at line (\\d+), column (\\d+)");

  /** The innermost instruction on Freemarker's own stack, or {@code fallback}. */
  private static Where instructionAt(Environment env, Where fallback) {
    if (env == null) {
      return fallback;
    }
    StringWriter text = new StringWriter();
    try (PrintWriter w = new PrintWriter(text)) {
      env.outputInstructionStack(w);
    } catch (RuntimeException | StackOverflowError e) {
      return fallback;
    }
    Matcher m = STACK_LINE.matcher(text.toString());
    return m.find()
        ? new Where(m.group(1), Integer.parseInt(m.group(2)), Integer.parseInt(m.group(3)))
        : fallback;
  }

  /** A budget gone over, among an exception's causes. */
  private static Over over(Throwable t) {
    for (Throwable c = t; c != null; c = c.getCause() == c ? null : c.getCause()) {
      if (c instanceof Over o) {
        return o;
      }
    }
    return null;
  }

  private static String securityProblem(Throwable t) {
    for (Throwable c = t; c != null; c = c.getCause() == c ? null : c.getCause()) {
      if (c instanceof SecurityException s) {
        return oneLine(s.getMessage());
      }
    }
    return null;
  }

  private static ReportException located(Where where, String message, Throwable cause) {
    return new ReportException(
        "template " + position(where.template(), where.line(), where.column()) + ": " + message,
        cause);
  }

  /** {@code NAME:LINE:COLUMN}, or only the name when the place is not known (never 0:0). */
  private static String position(String template, Integer line, Integer column) {
    if (line == null || line <= 0) {
      return template;
    }
    return template + ":" + line + ":" + (column == null || column <= 0 ? 1 : column);
  }

  /** Where a render is: the innermost element being processed. */
  private record Where(String template, int line, int column, String element) {
    Where(String template, int line, int column) {
      this(template, line, column, "");
    }
  }

  /** A budget gone over: depth, output or time. */
  private static final class Over extends IOException {
    private static final long serialVersionUID = 1L;
    private final String kind;

    Over(String kind) {
      super(kind, null);
      this.kind = kind;
    }

    String message(Language lang, Budget budget) {
      return switch (kind) {
        case "depth" -> Messages.get(lang, "template.budget.depth", budget.maxDepth());
        case "output" ->
            Messages.get(lang, "template.budget.output", budget.maxChars() / (1024 * 1024));
        default -> Messages.get(lang, "template.budget.time", budget.time().toSeconds());
      };
    }
  }

  /** {@link Over} as an unchecked exception, for the tracer (Freemarker wraps it). */
  private static final class OverRuntime extends RuntimeException {
    private static final long serialVersionUID = 1L;

    OverRuntime(Over over) {
      super(over.getMessage(), over, false, false);
    }
  }

  /**
   * Follows every element a template enters: keeps the innermost one (for messages), refuses to
   * nest deeper than the budget, and stops at the deadline or when the render was given up.
   */
  private static final class Tracer implements TemplateProcessingTracer {
    private final Budget budget;
    private final long deadline;
    private final String name;
    private final ArrayDeque<TracedElement> stack = new ArrayDeque<>();
    private volatile boolean stopped;
    private volatile Where where;

    Tracer(Budget budget, String name) {
      this.budget = budget;
      this.name = name;
      this.deadline = System.nanoTime() + budget.time().toNanos();
      this.where = new Where(name, 0, 0);
    }

    void stop() {
      stopped = true;
    }

    Where where() {
      return where;
    }

    @Override
    public void enterElement(Environment env, TracedElement e) {
      stack.push(e);
      where =
          new Where(
              e.getTemplate() == null ? name : e.getTemplate().getSourceName(),
              e.getBeginLine(),
              e.getBeginColumn(),
              String.valueOf(e.getDescription()));
      if (stack.size() > budget.maxDepth()) {
        // point at the call that nests (a macro call, an include), not at the body it enters
        for (TracedElement t : stack) {
          String d = String.valueOf(t.getDescription());
          if (d.startsWith("@") || d.startsWith("#include") || d.startsWith("#import")) {
            where =
                new Where(
                    t.getTemplate() == null ? name : t.getTemplate().getSourceName(),
                    t.getBeginLine(),
                    t.getBeginColumn());
            break;
          }
        }
        throw new OverRuntime(new Over("depth"));
      }
      if (stopped || System.nanoTime() > deadline || Thread.currentThread().isInterrupted()) {
        throw new OverRuntime(new Over("time"));
      }
    }

    @Override
    public void exitElement(Environment env, TracedElement e) {
      stack.poll();
    }
  }

  /** A writer that keeps what a template writes and refuses more than the budget. */
  private static final class CountingWriter extends Writer {
    private final StringBuilder text = new StringBuilder();
    private final long max;

    CountingWriter(long max) {
      this.max = max;
    }

    @Override
    public void write(char[] cbuf, int off, int len) throws IOException {
      if (text.length() + (long) len > max) {
        throw new Over("output");
      }
      text.append(cbuf, off, len);
    }

    @Override
    public void write(String str, int off, int len) throws IOException {
      if (text.length() + (long) len > max) {
        throw new Over("output");
      }
      text.append(str, off, off + len);
    }

    @Override
    public void flush() {}

    @Override
    public void close() {}

    @Override
    public String toString() {
      return text.toString();
    }
  }

  /**
   * The plain object wrapper, which also shows a {@link MarkedText} in the output format: words,
   * values and code marks each written their format's way by {@code ${...}}, and the plain text to
   * string built-ins.
   */
  private static final class Wrapper extends SimpleObjectWrapper {
    private final OutputFormat format;

    Wrapper(OutputFormat format) {
      super(Configuration.VERSION_2_3_34);
      this.format = format;
    }

    @Override
    protected TemplateModel handleUnknownType(Object obj) throws TemplateModelException {
      if (obj instanceof MarkedText text) {
        if (format == MarkdownOutputFormat.INSTANCE) {
          return new MarkdownOutputFormat.Marked(text);
        }
        if (format == HTMLOutputFormat.INSTANCE) {
          return new HtmlMarked(text);
        }
        return new SimpleScalar(text.plain());
      }
      return super.handleUnknownType(obj);
    }
  }

  /**
   * A {@link MarkedText} in HTML: all text escaped, code as {@code <code>}; plain for built-ins.
   */
  static final class HtmlMarked extends TemplateHTMLOutputModel implements TemplateScalarModel {
    private final String plain;

    HtmlMarked(MarkedText text) {
      super(text.plain(), html(text));
      this.plain = text.plain();
    }

    static String html(MarkedText text) {
      StringBuilder out = new StringBuilder();
      for (MarkedText.Span s : text.spans()) {
        String escaped = HTMLOutputFormat.INSTANCE.escapePlainText(s.text());
        if (s.kind() == MarkedText.Kind.CODE) {
          out.append("<code>").append(escaped).append("</code>");
        } else {
          out.append(escaped);
        }
      }
      return out.toString();
    }

    @Override
    public String getAsString() {
      return plain;
    }
  }

  private static String oneLine(String s) {
    return s == null ? "" : s.replaceAll("\\s+", " ").strip();
  }

  private Configuration configuration(OutputFormat format, Language lang) {
    Configuration cfg = new Configuration(Configuration.VERSION_2_3_34);
    cfg.setTemplateLoader(loader);
    cfg.setLocalizedLookup(false);
    cfg.setRecognizeStandardFileExtensions(false);
    cfg.setOutputFormat(format);
    cfg.setAutoEscapingPolicy(Configuration.ENABLE_IF_SUPPORTED_AUTO_ESCAPING_POLICY);
    cfg.setNewBuiltinClassResolver(TemplateClassResolver.ALLOWS_NOTHING_RESOLVER);
    cfg.setAPIBuiltinEnabled(false);
    cfg.setObjectWrapper(new Wrapper(format));
    cfg.setTemplateExceptionHandler(TemplateExceptionHandler.RETHROW_HANDLER);
    cfg.setAttemptExceptionReporter((te, env) -> {});
    cfg.setLogTemplateExceptions(false);
    cfg.setWrapUncheckedExceptions(true);
    cfg.setFallbackOnNullLoopVariable(false);
    cfg.setDefaultEncoding("UTF-8");
    cfg.setOutputEncoding("UTF-8");
    cfg.setURLEscapingCharset("UTF-8");
    cfg.setLocale(lang.locale());
    cfg.setNumberFormat("computer");
    cfg.setBooleanFormat("c");
    cfg.setTimeZone(TimeZone.getTimeZone("UTC"));
    cfg.setSQLDateAndTimeTimeZone(TimeZone.getTimeZone("UTC"));
    cfg.setDateTimeFormat("iso");
    cfg.setDateFormat("iso");
    cfg.setTimeFormat("iso");
    return cfg;
  }
}
