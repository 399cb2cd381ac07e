package nl.wijktoets.scoring;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeSet;
import nl.wijktoets.exact.Fraction;
import nl.wijktoets.source.Privacy;
import nl.wijktoets.source.YamlNode;

/**
 * Two assessments of versions of a proposal side by side: the total and band before and after, each
 * lesson's and criterion's change, and for each changed criterion the fields of the proposal that
 * changed in the blocks it reads (never contact details or founders' names).
 */
public record AssessmentDiff(
    Assessment before,
    Assessment after,
    List<LessonChange> lessons,
    List<CriterionChange> criteria) {

  /** A lesson's score before and after. */
  public record LessonChange(String id, String title, Fraction before, Fraction after) {
    public Fraction delta() {
      return after.minus(before);
    }
  }

  /** A criterion's level and contribution before and after, with the fields behind it. */
  public record CriterionChange(
      String id,
      String lessonId,
      int levelBefore,
      int levelAfter,
      Fraction before,
      Fraction after,
      List<FieldChange> fields) {
    public Fraction delta() {
      return after.minus(before);
    }

    public boolean changed() {
      return levelBefore != levelAfter || !before.equals(after);
    }
  }

  /** A field whose value changed: its YAML path, old and new value (null when absent). */
  public record FieldChange(String path, String before, String after) {}

  public Fraction totalDelta() {
    return after.total().minus(before.total());
  }

  /**
   * Compares two assessments (of the same rubric) and the YAML trees they were read from.
   *
   * @param beforeTree the old proposal's tree
   * @param afterTree the new proposal's tree
   */
  public static AssessmentDiff of(
      Assessment before, YamlNode beforeTree, Assessment after, YamlNode afterTree) {
    Map<String, String> oldValues = flatten(beforeTree);
    Map<String, String> newValues = flatten(afterTree);
    TreeSet<String> allPaths = new TreeSet<>(oldValues.keySet());
    allPaths.addAll(newValues.keySet());
    List<LessonChange> lessons = new ArrayList<>();
    List<CriterionChange> criteria = new ArrayList<>();
    for (int i = 0; i < after.lessons().size(); i++) {
      Assessment.LessonResult a = after.lessons().get(i);
      Assessment.LessonResult b = before.lessons().get(i);
      lessons.add(
          new LessonChange(
              a.lesson().id(), a.lesson().text(after.language()).title(), b.score(), a.score()));
      for (int j = 0; j < a.criteria().size(); j++) {
        Assessment.CriterionResult ca = a.criteria().get(j);
        Assessment.CriterionResult cb = b.criteria().get(j);
        List<FieldChange> fields = new ArrayList<>();
        List<String> reads = ca.criterion().measure().reads();
        for (String path : allPaths) {
          if (Privacy.isPrivate(path) || !inBlocks(path, reads)) {
            continue;
          }
          String o = oldValues.get(path);
          String n = newValues.get(path);
          if (!Objects.equals(o, n)) {
            fields.add(new FieldChange(path, o, n));
          }
        }
        criteria.add(
            new CriterionChange(
                ca.criterion().id(),
                a.lesson().id(),
                cb.level(),
                ca.level(),
                cb.contribution(),
                ca.contribution(),
                List.copyOf(fields)));
      }
    }
    return new AssessmentDiff(before, after, List.copyOf(lessons), List.copyOf(criteria));
  }

  private static boolean inBlocks(String path, List<String> blocks) {
    for (String b : blocks) {
      if (path.equals(b) || path.startsWith(b + ".") || path.startsWith(b + "[")) {
        return true;
      }
    }
    return false;
  }

  /** Every scalar of a tree by its YAML path. */
  static Map<String, String> flatten(YamlNode root) {
    Map<String, String> out = new LinkedHashMap<>();
    ArrayDeque<YamlNode> todo = new ArrayDeque<>();
    if (root != null) {
      todo.push(root);
    }
    while (!todo.isEmpty()) {
      YamlNode n = todo.pop();
      if (n instanceof YamlNode.Mapping m) {
        m.entries().forEach(e -> todo.push(e.value()));
      } else if (n instanceof YamlNode.Sequence s) {
        s.items().forEach(todo::push);
      } else if (n instanceof YamlNode.Scalar s && !s.isNull()) {
        out.put(s.path(), s.text());
      }
    }
    return out;
  }
}
