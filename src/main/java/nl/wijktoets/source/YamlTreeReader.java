package nl.wijktoets.source;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.core.ObjectCodec;
import com.fasterxml.jackson.core.StreamReadConstraints;
import com.fasterxml.jackson.core.io.IOContext;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import com.fasterxml.jackson.dataformat.yaml.YAMLParser;
import java.io.IOException;
import java.io.Reader;
import java.io.StringReader;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.Charset;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.MalformedInputException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import nl.wijktoets.util.Visible;
import org.yaml.snakeyaml.DumperOptions;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.error.Mark;
import org.yaml.snakeyaml.error.MarkedYAMLException;
import org.yaml.snakeyaml.events.Event;
import org.yaml.snakeyaml.events.NodeEvent;
import org.yaml.snakeyaml.events.ScalarEvent;

/**
 * Reads YAML bytes into a {@link YamlNode} tree that keeps every value's line and column, with the
 * limits and rules of the proposal format: size checked on the bytes before parsing, encodings
 * (UTF-8 with or without BOM, UTF-16 with BOM), one document, no anchors or aliases, no duplicate
 * keys, no tabs in indentation, bounded depth and node count, and YAML 1.2 scalars (so {@code on}
 * is text and {@code 012} is twelve).
 *
 * <p>Problems become {@link Finding}s; reading goes on where it safely can, so all findings of a
 * file are collected.
 */
public final class YamlTreeReader {

  /**
   * The limits a read obeys, and the kind of file they are for ({@code proposal}, {@code rubric},
   * {@code settings}), which the messages name.
   */
  public record Limits(long maxBytes, int maxDepth, int maxNodes, String kind) {
    /** The proposal format's limits: 5 MiB, depth 64, 250,000 values. */
    public static final Limits PROPOSAL = new Limits(5L * 1024 * 1024, 64, 250_000);

    /** Limits for a proposal. */
    public Limits(long maxBytes, int maxDepth, int maxNodes) {
      this(maxBytes, maxDepth, maxNodes, "proposal");
    }

    /** A message key for this kind of file: {@code finding.limit.size.rubric}. */
    String key(String base) {
      return kind.equals("proposal") ? base : base + "." + kind;
    }
  }

  /** The tree (null when nothing usable could be read), the findings and the decoded text. */
  public record Result(YamlNode root, List<Finding> findings, String text) {
    public boolean hasErrors() {
      return findings.stream().anyMatch(Finding::isError);
    }
  }

  private static final Pattern NULL = Pattern.compile("~|null|Null|NULL|");
  private static final Pattern BOOL = Pattern.compile("true|True|TRUE|false|False|FALSE");
  private static final Pattern INT = Pattern.compile("[-+]?[0-9]+|0o[0-7]+|0x[0-9a-fA-F]+");
  private static final Pattern FLOAT =
      Pattern.compile(
          "[-+]?(\\.[0-9]+|[0-9]+(\\.[0-9]*)?)([eE][-+]?[0-9]+)?|[-+]?\\.(inf|Inf|INF)|\\.nan|\\.NaN|\\.NAN");

  private final Limits limits;

  public YamlTreeReader(Limits limits) {
    this.limits = limits;
  }

  public Result read(String file, byte[] bytes) {
    List<Finding> findings = new ArrayList<>();
    SourceLocation start = SourceLocation.start(file);
    if (bytes.length > limits.maxBytes()) {
      findings.add(
          Finding.error(
              "limit/size",
              start,
              "",
              limits.key("finding.limit.size"),
              bytes.length,
              limits.maxBytes()));
      return new Result(null, findings, null);
    }
    String text = decode(file, bytes, findings);
    if (text == null) {
      return new Result(null, findings, null);
    }
    if (checkTabs(file, text, findings)) {
      return new Result(null, findings, text);
    }
    if (checkControls(file, text, findings)) {
      return new Result(null, findings, text);
    }
    YamlNode root = parse(file, text, findings);
    return new Result(root, findings, text);
  }

  /** Decodes the bytes, or adds a located finding and returns null. */
  static String decode(String file, byte[] bytes, List<Finding> findings) {
    int offset = 0;
    Charset charset = StandardCharsets.UTF_8;
    if (bytes.length >= 3
        && (bytes[0] & 0xFF) == 0xEF
        && (bytes[1] & 0xFF) == 0xBB
        && (bytes[2] & 0xFF) == 0xBF) {
      offset = 3;
    } else if (bytes.length >= 2 && (bytes[0] & 0xFF) == 0xFE && (bytes[1] & 0xFF) == 0xFF) {
      offset = 2;
      charset = StandardCharsets.UTF_16BE;
    } else if (bytes.length >= 2 && (bytes[0] & 0xFF) == 0xFF && (bytes[1] & 0xFF) == 0xFE) {
      offset = 2;
      charset = StandardCharsets.UTF_16LE;
    }
    CharsetDecoder decoder =
        charset
            .newDecoder()
            .onMalformedInput(CodingErrorAction.REPORT)
            .onUnmappableCharacter(CodingErrorAction.REPORT);
    ByteBuffer in = ByteBuffer.wrap(bytes, offset, bytes.length - offset);
    CharBuffer out =
        CharBuffer.allocate(
            (int) ((bytes.length - offset) * (double) decoder.maxCharsPerByte()) + 1);
    try {
      var result = decoder.decode(in, out, true);
      if (result.isError()) {
        result.throwException();
      }
      result = decoder.flush(out);
      if (result.isError()) {
        result.throwException();
      }
    } catch (MalformedInputException e) {
      int bad = in.position();
      findings.add(notUtf8(file, bytes, offset, bad, charset));
      return null;
    } catch (CharacterCodingException e) {
      findings.add(notUtf8(file, bytes, offset, in.position(), charset));
      return null;
    }
    out.flip();
    String text = out.toString();
    // A NUL is never in a text file: most often UTF-16 without a BOM, or a binary file.
    int nul = text.indexOf('\0');
    if (nul >= 0) {
      int[] lc = lineColumn(text, nul);
      findings.add(
          Finding.error(
              "encoding/not-utf8",
              new SourceLocation(file, lc[0], lc[1]),
              "",
              "finding.encoding.nul"));
      return null;
    }
    return text;
  }

  private static Finding notUtf8(String file, byte[] bytes, int start, int bad, Charset charset) {
    // where the bad bytes are: decode what comes before them (it decoded fine) and count
    String before = new String(bytes, start, Math.max(0, bad - start), charset);
    int[] lc = lineColumn(before, before.length());
    String hex = bad < bytes.length ? String.format("%02X", bytes[bad] & 0xFF) : "";
    return Finding.error(
        "encoding/not-utf8",
        new SourceLocation(file, lc[0], lc[1]),
        "",
        charset == StandardCharsets.UTF_8
            ? "finding.encoding.not-utf8"
            : "finding.encoding.bad-utf16",
        hex);
  }

  /** How many invisible control characters are reported, each on its own line and column. */
  private static final int CONTROLS_REPORTED = 20;

  /**
   * Reports the characters YAML does not allow anywhere in a file (the C0 controls but tab and the
   * line ends, DEL, the C1 controls but U+0085, U+FFFE and U+FFFF: the same set the parser
   * refuses), each where it stands; true when there were any. The parser stops at the first one
   * without saying where it is, so without this check an ESC pasted into a value gave "this line
   * does not fit in" on line 1.
   */
  private static boolean checkControls(String file, String text, List<Finding> findings) {
    int reported = 0;
    int line = 1;
    int lineStart = 0;
    for (int i = 0; i < text.length() && reported < CONTROLS_REPORTED; ) {
      int c = text.codePointAt(i);
      if (isLineBreak(text, i)) {
        line++;
        lineStart = i + 1;
      } else if (!yamlAllows(c)) {
        int column = text.codePointCount(lineStart, i) + 1;
        findings.add(
            Finding.error(
                "yaml/syntax",
                new SourceLocation(file, line, column),
                "",
                "finding.yaml.control",
                Visible.escaped(c)));
        reported++;
      }
      i += Character.charCount(c);
    }
    return reported > 0;
  }

  /** Whether YAML 1.1 (the parser's version) allows a character in a file: its printable set. */
  static boolean yamlAllows(int c) {
    return c >= 0x20 && c <= 0x7E
        || c == '\t'
        || c == '\n'
        || c == '\r'
        || c == 0x85
        || c >= 0xA0 && c <= 0xD7FF
        || c >= 0xE000 && c <= 0xFFFD
        || c >= 0x10000 && c <= 0x10FFFF;
  }

  /** Reports tabs used for indentation; true when there were any. */
  private static boolean checkTabs(String file, String text, List<Finding> findings) {
    int line = 1;
    boolean atIndent = true;
    int column = 1;
    boolean found = false;
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      if (isLineBreak(text, i)) {
        line++;
        column = 1;
        atIndent = true;
        continue;
      }
      if (atIndent) {
        if (c == '\t') {
          findings.add(
              Finding.error(
                  "yaml/tab-indent",
                  new SourceLocation(file, line, column),
                  "",
                  "finding.yaml.tab"));
          found = true;
          atIndent = false;
        } else if (c != ' ' && c != '\r') { // a CR here is the first half of a CRLF
          atIndent = false;
        }
      }
      column++;
    }
    return found;
  }

  private YamlNode parse(String file, String text, List<Finding> findings) {
    LoaderOptions options = new LoaderOptions();
    options.setAllowDuplicateKeys(true); // reported as findings instead
    options.setMaxAliasesForCollections(10); // aliases are not expanded by the streaming parser
    options.setNestingDepthLimit(Math.max(limits.maxDepth() + 2, 50));
    options.setCodePointLimit((int) Math.min(Integer.MAX_VALUE, limits.maxBytes() + 16));
    options.setProcessComments(false);
    LocatingFactory factory = new LocatingFactory(options);
    factory.setStreamReadConstraints(
        StreamReadConstraints.builder()
            .maxNestingDepth(limits.maxDepth() + 10)
            .maxStringLength((int) Math.min(Integer.MAX_VALUE, limits.maxBytes() + 16))
            .maxNumberLength(1000)
            .build());
    TreeBuilder builder = new TreeBuilder(file, findings, text);
    try (LocatingParser parser = (LocatingParser) factory.createParser(new StringReader(text))) {
      return builder.build(parser);
    } catch (LimitReached e) {
      return null;
    } catch (JsonProcessingException e) {
      findings.add(syntaxError(file, text, e));
      return null; // a syntax error: the finding says where
    } catch (IOException | RuntimeException e) {
      findings.add(
          YamlMistakes.explain(
              file,
              text,
              new YamlMistakes.Problem(String.valueOf(e.getMessage()), null, 0, 0, 0, 0)));
      return null;
    }
  }

  /** A syntax error in plain words, on the line of the mistake ({@link YamlMistakes}). */
  private static Finding syntaxError(String file, String text, JsonProcessingException e) {
    Throwable cause = e.getCause();
    int line = 0;
    int column = 0;
    int contextLine = 0;
    int contextColumn = 0;
    String problem = e.getOriginalMessage();
    String context = null;
    if (cause instanceof MarkedYAMLException marked) {
      Mark mark =
          marked.getProblemMark() != null ? marked.getProblemMark() : marked.getContextMark();
      if (mark != null) {
        line = mark.getLine() + 1;
        column = mark.getColumn() + 1;
      }
      if (marked.getContextMark() != null) {
        contextLine = marked.getContextMark().getLine() + 1;
        contextColumn = marked.getContextMark().getColumn() + 1;
      }
      problem = marked.getProblem() != null ? marked.getProblem() : problem;
      context = marked.getContext();
    } else if (e.getLocation() != null && e.getLocation().getLineNr() > 0) {
      line = e.getLocation().getLineNr();
      column = Math.max(1, e.getLocation().getColumnNr());
    }
    return YamlMistakes.explain(
        file,
        text,
        new YamlMistakes.Problem(problem, context, line, column, contextLine, contextColumn));
  }

  /** Thrown to stop reading when a limit is reached (the finding is already recorded). */
  private static final class LimitReached extends RuntimeException {
    private static final long serialVersionUID = 1L;

    LimitReached() {
      super(null, null, false, false);
    }
  }

  /** Builds the tree from the token stream with an explicit stack (no recursion). */
  private final class TreeBuilder {
    private final String file;
    private final List<Finding> findings;
    private final Deque<Frame> stack = new ArrayDeque<>();
    private final Map<String, Boolean> anchorsReported = new HashMap<>();
    private final int lines;
    private YamlNode root;
    private int nodes;

    TreeBuilder(String file, List<Finding> findings, String text) {
      this.file = file;
      this.findings = findings;
      String trimmed = text.endsWith("\n") ? text.substring(0, text.length() - 1) : text;
      this.lines = (int) trimmed.chars().filter(c -> c == '\n').count() + 1;
    }

    YamlNode build(LocatingParser p) throws IOException {
      JsonToken token = p.nextToken();
      if (token == null) {
        findings.add(
            Finding.error("schema/type", SourceLocation.start(file), "", "finding.yaml.empty"));
        return null;
      }
      while (token != null) {
        SourceLocation at = location(p.currentTokenLocation());
        switch (token) {
          case FIELD_NAME -> {
            Frame f = stack.peek();
            String key = p.currentName();
            String path = YamlNode.child(f.path, key);
            YamlNode.Scalar keyNode =
                new YamlNode.Scalar(path, at, key, YamlNode.Scalar.Kind.STRING);
            SourceLocation first = f.seenKeys.putIfAbsent(key, at);
            if (first != null) {
              findings.add(
                  Finding.error(
                      "yaml/duplicate-key",
                      at,
                      path,
                      "finding.yaml.duplicate-key",
                      key,
                      first.line()));
              f.skipNext = true;
            }
            f.pendingKey = keyNode;
          }
          case START_OBJECT, START_ARRAY -> {
            checkAnchor(p, at);
            String path = childPath();
            if (stack.size() + 1 > limits.maxDepth()) {
              findings.add(
                  Finding.error(
                      "limit/depth",
                      at,
                      path,
                      limits.key("finding.limit.depth"),
                      limits.maxDepth()));
              throw new LimitReached();
            }
            count(at);
            stack.push(new Frame(token == JsonToken.START_OBJECT, path, at));
          }
          case END_OBJECT, END_ARRAY -> {
            Frame f = stack.pop();
            YamlNode node =
                f.mapping
                    ? new YamlNode.Mapping(f.path, f.location, f.entries)
                    : new YamlNode.Sequence(f.path, f.location, f.items);
            attach(node);
          }
          default -> {
            checkAnchor(p, at);
            checkTag(p, at);
            String path = childPath();
            count(at);
            YamlNode.Scalar scalar;
            if (p.isCurrentAlias()) {
              findings.add(
                  Finding.error("yaml/alias", at, path, "finding.yaml.alias", p.getText()));
              scalar = new YamlNode.Scalar(path, at, "", YamlNode.Scalar.Kind.NULL);
            } else {
              scalar = scalar(p, path, at);
            }
            attach(scalar);
          }
        }
        if (stack.isEmpty() && root != null) {
          break;
        }
        token = p.nextToken();
      }
      JsonToken next = p.nextToken();
      if (next != null) {
        SourceLocation at = location(p.currentTokenLocation());
        if (at.line() > lines) { // an empty document at the end: point at its last line
          at = new SourceLocation(file, lines, 1);
        }
        findings.add(Finding.error("yaml/multi-document", at, "", "finding.yaml.multi-document"));
      }
      return root;
    }

    private void checkAnchor(LocatingParser p, SourceLocation at) {
      String anchor = p.getCurrentAnchor();
      if (anchor == null && p.lastEvent() instanceof NodeEvent node) {
        anchor = node.getAnchor(); // Jackson keeps no anchor for scalars; SnakeYAML's event does
      }
      if (anchor != null && anchorsReported.putIfAbsent(anchor, Boolean.TRUE) == null) {
        findings.add(Finding.error("yaml/alias", at, childPath(), "finding.yaml.anchor", anchor));
      }
    }

    /**
     * A value with a tag of its own ({@code !belangrijk wij doen het}): YAML would drop the word
     * after the {@code !} without a trace, so it is an error that says to quote the value.
     */
    private void checkTag(LocatingParser p, SourceLocation at) {
      if (p.lastEvent() instanceof ScalarEvent se
          && se.getTag() != null
          && se.getTag().startsWith("!")
          && !se.getTag().startsWith("!!")) {
        String written = se.getTag() + (se.getValue().isEmpty() ? "" : " " + se.getValue());
        findings.add(
            Finding.error(
                "yaml/syntax",
                at,
                childPath(),
                "finding.yaml.bad-start",
                "!",
                YamlMistakes.doubleQuoted(written)));
      }
    }

    private void count(SourceLocation at) {
      if (++nodes > limits.maxNodes()) {
        findings.add(
            Finding.error(
                "limit/size", at, "", limits.key("finding.limit.nodes"), limits.maxNodes()));
        throw new LimitReached();
      }
    }

    private String childPath() {
      Frame f = stack.peek();
      if (f == null) {
        return "";
      }
      if (f.mapping) {
        return f.pendingKey == null ? f.path : f.pendingKey.path();
      }
      return YamlNode.index(f.path, f.items.size());
    }

    private void attach(YamlNode node) {
      Frame f = stack.peek();
      if (f == null) {
        root = node;
      } else if (f.mapping) {
        if (f.skipNext) {
          f.skipNext = false;
        } else {
          f.entries.add(new YamlNode.Entry(f.pendingKey, node));
        }
        f.pendingKey = null;
      } else {
        f.items.add(node);
      }
    }

    private SourceLocation location(JsonLocation loc) {
      return new SourceLocation(file, Math.max(1, loc.getLineNr()), Math.max(1, loc.getColumnNr()));
    }
  }

  private static final class Frame {
    final boolean mapping;
    final String path;
    final SourceLocation location;
    final List<YamlNode.Entry> entries = new ArrayList<>();
    final List<YamlNode> items = new ArrayList<>();
    final Map<String, SourceLocation> seenKeys = new HashMap<>();
    YamlNode.Scalar pendingKey;
    boolean skipNext;

    Frame(boolean mapping, String path, SourceLocation location) {
      this.mapping = mapping;
      this.path = path;
      this.location = location;
    }
  }

  /** Classifies a scalar by YAML 1.2's core schema, from its raw text and style. */
  private static YamlNode.Scalar scalar(LocatingParser p, String path, SourceLocation at)
      throws IOException {
    Event event = p.lastEvent();
    if (event instanceof ScalarEvent se) {
      String value = se.getValue();
      boolean plain = se.getScalarStyle() == DumperOptions.ScalarStyle.PLAIN;
      String tag = se.getTag();
      if (!plain || (tag != null && (tag.equals("!!str") || tag.endsWith(":str")))) {
        return new YamlNode.Scalar(path, at, value, YamlNode.Scalar.Kind.STRING);
      }
      return new YamlNode.Scalar(path, at, value, classify(value));
    }
    String text = p.getText();
    return new YamlNode.Scalar(
        path, at, text == null ? "" : text, classify(text == null ? "" : text));
  }

  /** The YAML 1.2 core-schema kind of a plain scalar. */
  public static YamlNode.Scalar.Kind classify(String plain) {
    if (NULL.matcher(plain).matches()) {
      return YamlNode.Scalar.Kind.NULL;
    }
    if (BOOL.matcher(plain).matches()) {
      return YamlNode.Scalar.Kind.BOOLEAN;
    }
    if (INT.matcher(plain).matches()) {
      return YamlNode.Scalar.Kind.INTEGER;
    }
    if (FLOAT.matcher(plain).matches()) {
      return YamlNode.Scalar.Kind.DECIMAL;
    }
    return YamlNode.Scalar.Kind.STRING;
  }

  /** A Jackson YAML factory whose parsers expose SnakeYAML's last event (scalar style, tag). */
  private static final class LocatingFactory extends YAMLFactory {
    private static final long serialVersionUID = 1L;

    LocatingFactory(LoaderOptions options) {
      super(YAMLFactory.builder().loaderOptions(options));
    }

    @Override
    protected YAMLParser _createParser(Reader r, IOContext ctxt) {
      return new LocatingParser(
          ctxt, _parserFeatures, _yamlParserFeatures, _loaderOptions, _objectCodec, r);
    }
  }

  private static final class LocatingParser extends YAMLParser {
    LocatingParser(
        IOContext ctxt,
        int parserFeatures,
        int formatFeatures,
        LoaderOptions options,
        ObjectCodec codec,
        Reader reader) {
      super(ctxt, parserFeatures, formatFeatures, options, codec, reader);
    }

    Event lastEvent() {
      return _lastEvent;
    }
  }

  /**
   * Line and column (1-based, code points) of a char index in a text; lines end in LF, CRLF or a
   * lone CR (old Mac files), as YAML has it.
   */
  static int[] lineColumn(String text, int index) {
    int line = 1;
    int lineStart = 0;
    for (int i = 0; i < index; i++) {
      if (isLineBreak(text, i)) {
        line++;
        lineStart = i + 1;
      }
    }
    return new int[] {line, text.codePointCount(lineStart, index) + 1};
  }

  /** Whether a line ends at index i: an LF, or a CR not followed by an LF (CRLF ends at its LF). */
  private static boolean isLineBreak(String text, int i) {
    char c = text.charAt(i);
    return c == '\n' || c == '\r' && (i + 1 >= text.length() || text.charAt(i + 1) != '\n');
  }
}
