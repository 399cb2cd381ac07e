package nl.wijktoets.report;

import java.io.IOException;
import java.io.StringWriter;
import java.io.Writer;
import javax.xml.stream.XMLOutputFactory;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamWriter;

/**
 * Writes every XML output of wijktoets (the JUnit XML of {@code validate}, {@code assess} and
 * {@code batch}) in one layout: an XML 1.0 declaration, each element on its own line with two-space
 * indentation, text content kept exactly as it is, and a final line break. Escaping is the JDK's
 * streaming writer's; characters XML 1.0 cannot hold at all become U+FFFD, so the document always
 * parses.
 *
 * <p>Use {@link #document} for a document built in memory, or {@link #open} and {@link #close} for
 * one streamed to a writer (batch output too large to hold). Errors of the underlying writer come
 * out as {@link IOException}.
 */
public final class XmlWriter {

  /** What goes between the XML declaration and the end of a document built in memory. */
  @FunctionalInterface
  public interface Body {
    void write(XmlWriter xml) throws IOException;
  }

  private final XMLStreamWriter w;
  private int depth;
  private boolean hadText;

  private XmlWriter(XMLStreamWriter w) {
    this.w = w;
  }

  /** A whole document, as text. */
  public static String document(Body body) {
    try {
      StringWriter buffer = new StringWriter();
      XMLStreamWriter writer = XMLOutputFactory.newDefaultFactory().createXMLStreamWriter(buffer);
      writer.writeStartDocument("UTF-8", "1.0");
      body.write(new XmlWriter(writer));
      writer.writeEndDocument();
      writer.close();
      return buffer + "\n";
    } catch (XMLStreamException | IOException e) {
      throw new IllegalStateException(e); // a StringWriter does not fail
    }
  }

  /** A document written straight to {@code out}, ended with {@link #close}. */
  public static XmlWriter open(Writer out) throws IOException {
    try {
      // the JDK's own writer, whatever StAX library is on the class path (they differ in detail)
      XMLStreamWriter writer = XMLOutputFactory.newDefaultFactory().createXMLStreamWriter(out);
      writer.writeStartDocument("UTF-8", "1.0");
      return new XmlWriter(writer);
    } catch (XMLStreamException e) {
      throw new IOException(e);
    }
  }

  /** Ends the document opened with {@link #open} and flushes it (the writer stays open). */
  public void close() throws IOException {
    try {
      w.writeEndDocument();
      w.writeCharacters("\n");
      w.flush();
    } catch (XMLStreamException e) {
      throw new IOException(e);
    }
  }

  /** Starts an element on a new line; its attributes follow, then its content. */
  public void startElement(String name) throws IOException {
    try {
      w.writeCharacters("\n" + "  ".repeat(depth));
      w.writeStartElement(name);
    } catch (XMLStreamException e) {
      throw new IOException(e);
    }
    depth++;
    hadText = false;
  }

  /** An element without content, on a new line; its attributes follow. */
  public void emptyElement(String name) throws IOException {
    try {
      w.writeCharacters("\n" + "  ".repeat(depth));
      w.writeEmptyElement(name);
    } catch (XMLStreamException e) {
      throw new IOException(e);
    }
    hadText = false;
  }

  /** An attribute of the element just started. */
  public void attribute(String name, String value) throws IOException {
    try {
      w.writeAttribute(name, xmlText(value));
    } catch (XMLStreamException e) {
      throw new IOException(e);
    }
  }

  /** Text content, exactly as given (escaped, no indentation added). */
  public void text(String text) throws IOException {
    try {
      w.writeCharacters(xmlText(text));
    } catch (XMLStreamException e) {
      throw new IOException(e);
    }
    hadText = true;
  }

  /** Ends the innermost open element (on a new line unless it holds text). */
  public void endElement() throws IOException {
    depth--;
    try {
      if (!hadText) {
        w.writeCharacters("\n" + "  ".repeat(depth));
      }
      w.writeEndElement();
    } catch (XMLStreamException e) {
      throw new IOException(e);
    }
    hadText = false;
  }

  /** Characters XML 1.0 cannot hold at all become U+FFFD. */
  static String xmlText(String s) {
    StringBuilder out = null;
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      boolean ok =
          c == '\t'
              || c == '\n'
              || c == '\r'
              || (c >= 0x20 && c <= 0xD7FF)
              || (c >= 0xE000 && c <= 0xFFFD)
              || Character.isSurrogate(c);
      if (!ok && out == null) {
        out = new StringBuilder(s.substring(0, i));
      }
      if (out != null) {
        out.append(ok ? c : '\uFFFD');
      }
    }
    return out == null ? s : out.toString();
  }
}
