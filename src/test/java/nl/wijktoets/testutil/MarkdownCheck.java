package nl.wijktoets.testutil;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import org.commonmark.Extension;
import org.commonmark.ext.autolink.AutolinkExtension;
import org.commonmark.ext.gfm.tables.TableBlock;
import org.commonmark.ext.gfm.tables.TableCell;
import org.commonmark.ext.gfm.tables.TableRow;
import org.commonmark.ext.gfm.tables.TablesExtension;
import org.commonmark.node.AbstractVisitor;
import org.commonmark.node.Block;
import org.commonmark.node.Code;
import org.commonmark.node.CustomBlock;
import org.commonmark.node.CustomNode;
import org.commonmark.node.HardLineBreak;
import org.commonmark.node.HtmlBlock;
import org.commonmark.node.HtmlInline;
import org.commonmark.node.Image;
import org.commonmark.node.Link;
import org.commonmark.node.LinkReferenceDefinition;
import org.commonmark.node.Node;
import org.commonmark.node.SoftLineBreak;
import org.commonmark.node.Text;
import org.commonmark.parser.Parser;

/**
 * A report read by a real Markdown parser (commonmark-java with GitHub's tables and autolinks), as
 * GitHub, GitLab or a Markdown viewer would read it: what became a link, an image or HTML, each
 * table's cell counts, and the text a reader sees.
 */
public final class MarkdownCheck {

  private static final List<Extension> EXTENSIONS =
      List.of(TablesExtension.create(), AutolinkExtension.create());
  private static final Parser PARSER = Parser.builder().extensions(EXTENSIONS).build();

  /** The parsed document. */
  public final Node document;

  /** Links, images, HTML and link definitions found (as their kind and text). */
  public final List<String> active = new ArrayList<>();

  /** For each table, the cell count of each row (header first). */
  public final List<List<Integer>> tables = new ArrayList<>();

  /** The text as a reader sees it: text and code, a line break as a space. */
  public final String text;

  private MarkdownCheck(String markdown) {
    document = PARSER.parse(markdown);
    StringBuilder seen = new StringBuilder();
    document.accept(
        new AbstractVisitor() {
          @Override
          public void visit(Text t) {
            seen.append(t.getLiteral());
          }

          @Override
          public void visit(Code c) {
            seen.append(c.getLiteral());
          }

          @Override
          public void visit(SoftLineBreak b) {
            seen.append(' ');
          }

          @Override
          public void visit(HardLineBreak b) {
            seen.append(' ');
          }

          @Override
          public void visit(Link l) {
            active.add("link " + l.getDestination());
            visitChildren(l);
          }

          @Override
          public void visit(Image i) {
            active.add("image " + i.getDestination());
            visitChildren(i);
          }

          @Override
          public void visit(HtmlInline h) {
            active.add("html " + h.getLiteral());
          }

          @Override
          public void visit(HtmlBlock h) {
            active.add("html block " + h.getLiteral());
          }

          @Override
          public void visit(LinkReferenceDefinition d) {
            active.add("link definition " + d.getLabel());
          }

          @Override
          public void visit(CustomBlock block) {
            if (block instanceof TableBlock) {
              List<Integer> rows = new ArrayList<>();
              countRows(block, rows);
              tables.add(rows);
            }
            visitChildren(block);
          }

          @Override
          public void visit(CustomNode node) {
            visitChildren(node);
            if (node instanceof TableCell) {
              seen.append(" | ");
            }
          }

          @Override
          protected void visitChildren(Node parent) {
            super.visitChildren(parent);
            if (parent instanceof Block) {
              seen.append('\n');
            }
          }
        });
    text = seen.toString();
  }

  private static void countRows(Node node, List<Integer> rows) {
    for (Node child = node.getFirstChild(); child != null; child = child.getNext()) {
      if (child instanceof TableRow) {
        int cells = 0;
        for (Node cell = child.getFirstChild(); cell != null; cell = cell.getNext()) {
          cells++;
        }
        rows.add(cells);
      } else {
        countRows(child, rows);
      }
    }
  }

  public static MarkdownCheck parse(String markdown) {
    return new MarkdownCheck(markdown);
  }

  /** Asserts that nothing became a link, an image, HTML or a link definition. */
  public MarkdownCheck isInert() {
    assertThat(active).as("links, images and HTML in the parsed Markdown").isEmpty();
    return this;
  }

  /** Asserts that every row of every table has as many cells as its header. */
  public MarkdownCheck tablesAreWhole() {
    for (List<Integer> rows : tables) {
      assertThat(rows).as("cells per row of a table").allMatch(n -> n.equals(rows.get(0)));
    }
    return this;
  }

  /** Asserts that the reader sees the string literally. */
  public MarkdownCheck shows(String literal) {
    assertThat(text).as("the text a reader sees").contains(literal);
    return this;
  }
}
