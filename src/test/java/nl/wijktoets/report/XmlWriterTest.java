package nl.wijktoets.report;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.io.StringWriter;
import java.io.Writer;
import org.junit.jupiter.api.Test;
import org.w3c.dom.Element;

/** The one layout of every XML output: declaration, two-space indentation, text kept as is. */
class XmlWriterTest {

  @Test
  void elementsOnTheirOwnLinesTextKeptAsItIs() {
    String xml =
        XmlWriter.document(
            w -> {
              w.startElement("a");
              w.attribute("name", "x");
              w.startElement("b");
              w.emptyElement("c");
              w.attribute("v", "1");
              w.endElement();
              w.startElement("d");
              w.text("line 1\nline 2\n");
              w.endElement();
              w.startElement("e");
              w.endElement();
              w.endElement();
            });
    assertThat(xml)
        .isEqualTo(
            "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
                + "<a name=\"x\">\n"
                + "  <b>\n"
                + "    <c v=\"1\"/>\n"
                + "  </b>\n"
                + "  <d>line 1\nline 2\n</d>\n"
                + "  <e>\n"
                + "  </e>\n"
                + "</a>\n");
  }

  @Test
  void markupIsEscapedAndCharactersXmlCannotHoldBecomeReplacementCharacters() throws Exception {
    String xml =
        XmlWriter.document(
            w -> {
              w.startElement("a");
              w.attribute("name", "<\"&'>\u0001\uFFFE");
              w.text("</a> & \u0000 \uD83D\uDE00");
              w.endElement();
            });
    Element root = FindingsWritersTest.xml(xml);
    assertThat(root.getAttribute("name")).isEqualTo("<\"&'>\uFFFD\uFFFD");
    assertThat(root.getTextContent()).isEqualTo("</a> & \uFFFD \uD83D\uDE00");
  }

  @Test
  void xmlTextLeavesValidTextAlone() {
    String valid = "tab\tcr\rlf\n é \uD83D\uDE00";
    assertThat(XmlWriter.xmlText(valid)).isSameAs(valid);
    assertThat(XmlWriter.xmlText("a\u001Fb\u0008")).isEqualTo("a\uFFFDb\uFFFD");
  }

  @Test
  void aStreamedDocumentHasTheSameLayout() throws Exception {
    StringWriter out = new StringWriter();
    XmlWriter w = XmlWriter.open(out);
    w.startElement("testsuites");
    w.attribute("name", "x");
    w.startElement("testsuite");
    w.endElement();
    w.endElement();
    w.close();
    assertThat(out.toString())
        .isEqualTo(
            XmlWriter.document(
                d -> {
                  d.startElement("testsuites");
                  d.attribute("name", "x");
                  d.startElement("testsuite");
                  d.endElement();
                  d.endElement();
                }));
  }

  @Test
  void aFailingWriterGivesAnIoException() {
    Writer broken =
        new Writer() {
          @Override
          public void write(char[] buf, int off, int len) throws IOException {
            throw new IOException("disk full");
          }

          @Override
          public void flush() throws IOException {
            throw new IOException("disk full");
          }

          @Override
          public void close() {}
        };
    assertThatThrownBy(
            () -> {
              XmlWriter w = XmlWriter.open(broken);
              w.startElement("a");
              w.endElement();
              w.close();
            })
        .isInstanceOf(IOException.class)
        .hasStackTraceContaining("disk full");
  }
}
