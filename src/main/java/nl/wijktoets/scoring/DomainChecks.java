package nl.wijktoets.scoring;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import nl.wijktoets.measure.Finances;
import nl.wijktoets.measure.Measure;
import nl.wijktoets.proposal.Proposal;
import nl.wijktoets.rubric.Rubric;
import nl.wijktoets.source.Finding;
import nl.wijktoets.source.SourceLocation;

/**
 * The checks that need the rubric: waivers (known criterion, waivable, not emptying a lesson, with
 * data given), missing blocks that make criteria score 0, and reference years.
 */
public final class DomainChecks {

  private DomainChecks() {}

  public static List<Finding> check(Proposal p, Rubric rubric) {
    List<Finding> findings = new ArrayList<>();
    SourceLocation top = new SourceLocation(p.file(), 1, 1);
    // waivers
    Map<String, List<String>> waivedPerLesson = new LinkedHashMap<>();
    if (p.waivers() != null) {
      for (Proposal.Waiver w : p.waivers()) {
        SourceLocation at =
            p.locate(w.path() + ".criterion").orElse(p.locate(w.path()).orElse(top));
        if (w.criterion() == null) {
          continue;
        }
        var criterion = rubric.criterion(w.criterion());
        if (criterion.isEmpty()) {
          findings.add(
              Finding.error(
                  "waiver/unknown-criterion",
                  at,
                  w.path(),
                  "finding.waiver.unknown",
                  w.criterion(),
                  String.join(", ", rubric.criteria().map(Rubric.Criterion::id).toList())));
          continue;
        }
        if (!criterion.get().waivable()) {
          findings.add(
              Finding.error(
                  "waiver/not-waivable",
                  at,
                  w.path(),
                  "finding.waiver.not-waivable",
                  w.criterion()));
          continue;
        }
        String lesson = rubric.lessonOf(w.criterion()).orElseThrow().id();
        waivedPerLesson.computeIfAbsent(lesson, k -> new ArrayList<>()).add(w.criterion());
        Measure measure = criterion.get().measure();
        if (measure.reads().stream().anyMatch(p::hasBlock)) {
          findings.add(
              Finding.warning(
                  "waiver/has-data",
                  at,
                  w.path(),
                  "finding.waiver.has-data",
                  w.criterion(),
                  String.join(", ", measure.reads().stream().filter(p::hasBlock).toList())));
        }
      }
    }
    for (Rubric.Lesson lesson : rubric.lessons()) {
      List<String> waived = waivedPerLesson.getOrDefault(lesson.id(), List.of());
      if (!waived.isEmpty() && lesson.criteria().stream().allMatch(c -> waived.contains(c.id()))) {
        SourceLocation at = p.locate("waivers").orElse(top);
        findings.add(
            Finding.error(
                "waiver/empties-lesson",
                at,
                "waivers",
                "finding.waiver.empties-lesson",
                lesson.id()));
      }
    }
    // missing blocks: one warning per block, naming the criteria that score 0 because of it
    Map<String, List<String>> criteriaByBlock = new LinkedHashMap<>();
    rubric
        .criteria()
        .forEach(
            c -> {
              List<String> reads = c.measure().reads();
              if (!reads.isEmpty()) {
                criteriaByBlock.computeIfAbsent(reads.get(0), k -> new ArrayList<>()).add(c.id());
              }
            });
    for (var e : criteriaByBlock.entrySet()) {
      if (!p.hasBlock(e.getKey())) {
        findings.add(
            Finding.warning(
                "proposal/missing-block",
                top,
                e.getKey(),
                "finding.missing-block",
                e.getKey(),
                String.join(", ", e.getValue())));
      }
    }
    // reference years
    Finances f = new Finances(p);
    if (f.yearsSource() == Finances.YearsSource.REVENUE) {
      findings.add(
          Finding.warning(
              "money/years-from-revenue",
              p.locate("revenue").orElse(top),
              "revenue",
              "finding.money.years-from-revenue",
              joinYears(f.years())));
    } else if (f.yearsSource() == Finances.YearsSource.NONE && p.hasBlock("revenue")) {
      findings.add(
          Finding.warning(
              "money/no-years",
              p.locate("revenue").orElse(top),
              "revenue",
              "finding.money.no-years"));
    }
    if (p.partners() != null) {
      for (Proposal.Partner partner : p.partners()) {
        if (partner.commitment() == null && p.locate(partner.path() + ".commitment").isEmpty()) {
          findings.add(
              Finding.warning(
                  "evidence/missing-commitment",
                  p.locate(partner.path()).orElse(top),
                  partner.path(),
                  "finding.partner.no-commitment"));
        }
      }
    }
    return findings;
  }

  private static String joinYears(List<Integer> years) {
    return String.join(", ", years.stream().map(String::valueOf).toList());
  }

  /** The waivers that name a known, waivable criterion (the others are errors). */
  static Map<String, Proposal.Waiver> validWaivers(Proposal p, Rubric rubric) {
    if (p.waivers() == null || p.waivers().isEmpty()) {
      return Map.of();
    }
    Map<String, Proposal.Waiver> out = new LinkedHashMap<>();
    for (Proposal.Waiver w : p.waivers()) {
      if (w.criterion() != null
          && rubric.criterion(w.criterion()).map(Rubric.Criterion::waivable).orElse(false)) {
        out.put(w.criterion(), w);
      }
    }
    // a waiver set that would leave a lesson empty is an error: ignore it entirely for scoring
    for (Rubric.Lesson lesson : rubric.lessons()) {
      if (lesson.criteria().stream().allMatch(c -> out.containsKey(c.id()))) {
        lesson.criteria().forEach(c -> out.remove(c.id()));
      }
    }
    return out;
  }
}
