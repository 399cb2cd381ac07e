package nl.wijktoets.report;

import freemarker.cache.ClassTemplateLoader;
import freemarker.cache.TemplateLoader;
import freemarker.core.HTMLOutputFormat;
import freemarker.core.OutputFormat;
import freemarker.core.ParseException;
import freemarker.core.TemplateClassResolver;
import freemarker.core.TemplateHTMLOutputModel;
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
import java.io.StringWriter;
import java.nio.file.Path;
import java.util.Map;
import java.util.TimeZone;
import nl.wijktoets.i18n.Language;
import nl.wijktoets.i18n.MarkedText;

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

  public Templates() {
    this(new ClassTemplateLoader(Templates.class, BUILTIN_PATH));
  }

  public Templates(TemplateLoader loader) {
    this.loader = loader;
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
   * Renders a template with a model of plain maps, lists, strings, numbers and booleans.
   *
   * @throws ReportException naming the template, line and column when the template is invalid or
   *     fails
   */
  public String render(String name, Map<String, Object> model, OutputFormat format, Language lang)
      throws ReportException {
    Configuration cfg = configuration(format, lang);
    try {
      Template template = cfg.getTemplate(name);
      StringWriter out = new StringWriter();
      template.process(model, out);
      return format == MarkdownOutputFormat.INSTANCE
          ? MarkdownOutputFormat.finish(out.toString())
          : out.toString();
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
      throw new ReportException(
          "template "
              + (e.getTemplateSourceName() == null ? name : e.getTemplateSourceName())
              + ":"
              + (e.getLineNumber() == null ? 0 : e.getLineNumber())
              + ":"
              + (e.getColumnNumber() == null ? 0 : e.getColumnNumber())
              + ": "
              + oneLine(e.getMessageWithoutStackTop()),
          e);
    } catch (SecurityException e) {
      // the file loader refuses a path that leaves the template folder (e.g. a symbolic link)
      throw new ReportException(
          "template " + name + ": refused, outside the template folder: " + oneLine(e.getMessage()),
          e);
    } catch (IOException e) {
      throw new ReportException(
          "template " + name + ": " + oneLine(String.valueOf(e.getMessage())), e);
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
