package nl.wijktoets.source;

import java.util.ArrayDeque;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * A YAML value with the place it was read from and its path in the document ({@code
 * revenue[0].per_year.2026}). The whole loader works on this tree, so every finding and every piece
 * of evidence can point at its line.
 */
public sealed interface YamlNode permits YamlNode.Mapping, YamlNode.Sequence, YamlNode.Scalar {

  String path();

  SourceLocation location();

  /** A short English name of the node's kind, for messages. */
  String kindName();

  /** One key of a mapping with its value. */
  record Entry(Scalar key, YamlNode value) {}

  record Mapping(String path, SourceLocation location, List<Entry> entries) implements YamlNode {
    public Mapping {
      entries = List.copyOf(entries);
    }

    public Optional<YamlNode> get(String key) {
      for (Entry e : entries) {
        if (e.key().text().equals(key)) {
          return Optional.of(e.value());
        }
      }
      return Optional.empty();
    }

    public Optional<Entry> entry(String key) {
      for (Entry e : entries) {
        if (e.key().text().equals(key)) {
          return Optional.of(e);
        }
      }
      return Optional.empty();
    }

    @Override
    public String kindName() {
      return "mapping";
    }
  }

  record Sequence(String path, SourceLocation location, List<YamlNode> items) implements YamlNode {
    public Sequence {
      items = List.copyOf(items);
    }

    @Override
    public String kindName() {
      return "list";
    }
  }

  /**
   * A scalar with its raw text and its YAML 1.2 core-schema kind (quoted scalars are always
   * strings).
   */
  record Scalar(String path, SourceLocation location, String text, Kind kind) implements YamlNode {
    public enum Kind {
      STRING,
      NULL,
      BOOLEAN,
      INTEGER,
      DECIMAL
    }

    public boolean isNull() {
      return kind == Kind.NULL;
    }

    public boolean isNumber() {
      return kind == Kind.INTEGER || kind == Kind.DECIMAL;
    }

    @Override
    public String kindName() {
      return switch (kind) {
        case STRING -> "text";
        case NULL -> "empty value";
        case BOOLEAN -> "true/false";
        case INTEGER -> "whole number";
        case DECIMAL -> "number";
      };
    }
  }

  /** Where each path of a tree was read: a mapping entry at its key, a list item at its start. */
  static Map<String, SourceLocation> locations(YamlNode root) {
    Map<String, SourceLocation> out = new HashMap<>();
    ArrayDeque<Object[]> todo = new ArrayDeque<>();
    todo.push(new Object[] {root, root.location()});
    while (!todo.isEmpty()) {
      Object[] next = todo.pop();
      YamlNode node = (YamlNode) next[0];
      out.putIfAbsent(node.path(), (SourceLocation) next[1]);
      if (node instanceof Mapping m) {
        for (Entry e : m.entries()) {
          todo.push(new Object[] {e.value(), e.key().location()});
        }
      } else if (node instanceof Sequence seq) {
        for (YamlNode item : seq.items()) {
          todo.push(new Object[] {item, item.location()});
        }
      }
    }
    return out;
  }

  static String child(String parent, String key) {
    return parent.isEmpty() ? key : parent + "." + key;
  }

  static String index(String parent, int i) {
    return parent + "[" + i + "]";
  }
}
