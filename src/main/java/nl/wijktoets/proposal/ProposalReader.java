package nl.wijktoets.proposal;

import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.function.Function;
import nl.wijktoets.exact.Fraction;
import nl.wijktoets.i18n.Formats;
import nl.wijktoets.i18n.Language;
import nl.wijktoets.source.Finding;
import nl.wijktoets.source.Privacy;
import nl.wijktoets.source.SourceLocation;
import nl.wijktoets.source.YamlNode;
import nl.wijktoets.source.YamlNode.Mapping;
import nl.wijktoets.source.YamlNode.Scalar;
import nl.wijktoets.source.YamlNode.Sequence;
import nl.wijktoets.source.YamlTreeReader;

/**
 * Turns a proposal's YAML tree into a {@link Proposal}: canonical values for Dutch synonyms,
 * booleans as users write them, amounts by shape, year keys, the municipality's spellings, and
 * strict types (no float-to-int, string-to-number or missing-to-zero coercion). Every problem is a
 * located {@link Finding}; a value that cannot be read stays absent.
 */
public final class ProposalReader {

  /** The format versions this release reads. */
  public static final Set<String> VERSIONS = Set.of("1");

  private final List<Finding> findings = new ArrayList<>();
  private final Map<String, SourceLocation> locations = new HashMap<>();
  private final String file;

  private ProposalReader(String file) {
    this.file = file;
  }

  /** The proposal read from a tree, with the findings made while reading it. */
  public record Result(Proposal proposal, List<Finding> findings) {}

  /** Reads a proposal from bytes: decoding, YAML limits, then the format. */
  public static Result read(String file, byte[] bytes) {
    YamlTreeReader.Result tree =
        new YamlTreeReader(YamlTreeReader.Limits.PROPOSAL).read(file, bytes);
    List<Finding> all = new ArrayList<>(tree.findings());
    if (tree.root() == null) {
      return new Result(null, sorted(all));
    }
    Result r = fromTree(file, tree.root());
    // Structure comes from the JSON Schema; the reader's own notes on a value it could not
    // convert only show where the schema said nothing about that place.
    // (a file that is not a mapping at all gets the reader's one clear message instead)
    List<Finding> structural =
        r.proposal() == null
            ? List.of()
            : ProposalSchema.get().validate(tree.root(), r.proposal().locations());
    // where the YAML itself was already wrong (an alias), say nothing more about that place
    Set<String> yamlErrors = new HashSet<>();
    tree.findings().stream().filter(Finding::isError).forEach(f -> yamlErrors.add(f.path()));
    structural = structural.stream().filter(f -> !yamlErrors.contains(f.path())).toList();
    // a rule of the format's own (waiver/no-reason) says it better than "required"
    Set<String> ownRules = new HashSet<>();
    r.findings().stream().filter(f -> !schemaLike(f)).forEach(f -> ownRules.add(f.path()));
    Set<String> structuralPaths = new HashSet<>();
    for (Finding s : structural) {
      structuralPaths.add(s.path());
      if (!ownRules.contains(s.path())) {
        all.add(s);
      }
    }
    for (Finding f : r.findings()) {
      boolean covered = schemaLike(f) && coveredBy(structuralPaths, f.path());
      if (!covered && !yamlErrors.contains(f.path())) {
        all.add(f);
      }
    }
    return new Result(r.proposal(), sorted(all));
  }

  /**
   * Whether the reader's finding says what the schema says too (a wrong type, an unknown value). A
   * number written as text is the reader's own: it says how the text was read, where the schema
   * (which describes the plain form) would call it the wrong type.
   */
  private static boolean schemaLike(Finding f) {
    return f.rule().startsWith("schema/") && !f.rule().equals("schema/number-text");
  }

  /** Whether a path or one of its parents ({@code a.b[2].c}: a.b[2], a.b, a) is in the set. */
  private static boolean coveredBy(Set<String> paths, String path) {
    String p = path;
    while (true) {
      if (paths.contains(p)) {
        return true;
      }
      int cut = Math.max(p.lastIndexOf('.'), p.lastIndexOf('['));
      if (cut <= 0) {
        return false;
      }
      p = p.substring(0, cut);
    }
  }

  private static List<Finding> sorted(List<Finding> findings) {
    List<Finding> copy = new ArrayList<>(findings);
    copy.sort(Finding.IN_FILE_ORDER);
    return List.copyOf(copy);
  }

  /** Reads a proposal from an already parsed tree. */
  public static Result fromTree(String file, YamlNode root) {
    ProposalReader r = new ProposalReader(file);
    r.locations.putAll(YamlNode.locations(root));
    if (!(root instanceof Mapping m)) {
      r.error("schema/type", root, "finding.proposal.not-mapping", root.kindName());
      return new Result(null, r.findings);
    }
    // values still as wijktoets init wrote them: an unfilled template says so
    TemplateExamples.Match example = TemplateExamples.match(root);
    Proposal p =
        r.proposal(
            m,
            example.isExample()
                ? new Proposal.Example(example.untouched().size(), example.templateValues())
                : null);
    r.findings.addAll(TemplateExamples.findings(root, example));
    return new Result(p, r.findings);
  }

  // ---------------------------------------------------------------------------------------------
  // The format, block by block.

  private Proposal proposal(Mapping m, Proposal.Example example) {
    version(m);
    String name = requiredText(m, "name");
    String neighbourhood = requiredText(m, "neighbourhood");
    String lang = enumValue(m, "language");
    String municipality = text(m, "municipality");
    return Proposal.builder(file, locations)
        .language(lang == null ? null : Language.parse(lang).orElse(null))
        .name(name)
        .neighbourhood(neighbourhood)
        .district(text(m, "district"))
        .municipality(municipality)
        .stage(enumValue(m, "stage"))
        .legalForm(enumValue(m, "legal_form"))
        .mission(text(m, "mission"))
        .founders(list(m, "founders", this::founder))
        .residents(mapping(m, "residents", this::residents))
        .governance(mapping(m, "governance", this::governance))
        .partners(list(m, "partners", this::partner))
        .residentGroups(list(m, "resident_groups", this::group))
        .activities(list(m, "activities", this::activity))
        .revenue(list(m, "revenue", this::revenue))
        .budget(list(m, "budget", this::budgetLine))
        .employment(list(m, "employment", this::employmentLine))
        .employmentSupport(mapping(m, "employment_support", this::employmentSupport))
        .volunteers(mapping(m, "volunteers", this::volunteers))
        .assets(list(m, "assets", this::asset))
        .risks(list(m, "risks", this::risk))
        .impactIndicators(list(m, "impact_indicators", this::indicator))
        .waivers(waivers(m))
        .example(example)
        .build();
  }

  private void version(Mapping m) {
    var node = m.get("version");
    if (node.isEmpty() || isNull(node.get())) {
      findings.add(
          Finding.error(
              "schema/required",
              m.location(),
              YamlNode.child(m.path(), "version"),
              "finding.required",
              "version"));
      return;
    }
    if (node.get() instanceof Scalar s
        && ((s.kind() == Scalar.Kind.STRING && VERSIONS.contains(s.text().strip()))
            || (s.kind() == Scalar.Kind.INTEGER
                && VERSIONS.contains(s.text().strip().replaceFirst("^\\+?0*(?=[0-9])", ""))))) {
      return; // YAML 1.2: 01 is the integer 1
    }
    String written = node.get() instanceof Scalar s ? s.text() : node.get().kindName();
    error("format/version", node.get(), "finding.version", written, String.join(", ", VERSIONS));
  }

  private Proposal.Founder founder(Mapping m) {
    text(m, "name"); // read for type checks only: founders' names are never kept
    text(m, "role");
    return new Proposal.Founder(m.path(), bool(m, "lives_in_neighbourhood"));
  }

  private Proposal.Residents residents(Mapping m) {
    return new Proposal.Residents(
        m.path(),
        count(m, "involved"),
        count(m, "members"),
        list(
            m,
            "consultations",
            c ->
                new Proposal.Consultation(
                    c.path(), enumValue(c, "type"), text(c, "date"), count(c, "participants"))));
  }

  private Proposal.Governance governance(Mapping m) {
    return new Proposal.Governance(
        m.path(),
        list(
            m,
            "board",
            b ->
                new Proposal.BoardMember(
                    b.path(), text(b, "role"), bool(b, "resident"), bool(b, "paid"))),
        bool(m, "members_meeting"),
        bool(m, "profit_reinvested"),
        mapping(
            m,
            "connector",
            c -> {
              return new Proposal.Connector(
                  c.path(),
                  text(c, "role"),
                  number(c, "hours_per_week"),
                  bool(c, "paid"),
                  enumValue(c, "employer"),
                  enumValue(c, "reports_to"));
            }));
  }

  private Proposal.Partner partner(Mapping m) {
    return new Proposal.Partner(
        m.path(),
        text(m, "name"),
        enumValue(m, "sector"),
        enumValue(m, "role"),
        enumValue(m, "commitment"));
  }

  private Proposal.ResidentGroup group(Mapping m) {
    return new Proposal.ResidentGroup(
        m.path(), text(m, "name"), enumValue(m, "type"), enumValue(m, "relation"));
  }

  private Proposal.Activity activity(Mapping m) {
    return new Proposal.Activity(
        m.path(),
        text(m, "name"),
        enumValue(m, "theme"),
        text(m, "description"),
        bool(m, "public_task"),
        text(m, "current_provider"),
        amount(m, "current_cost"),
        amount(m, "proposed_price"),
        text(m, "added_value"),
        count(m, "jobs_for_residents"),
        count(m, "beneficiaries_per_year"));
  }

  private Proposal.Revenue revenue(Mapping m) {
    SortedMap<Integer, Fraction> perYear = new TreeMap<>();
    m.get("per_year")
        .filter(n -> !isNull(n))
        .ifPresent(
            n -> {
              if (!(n instanceof Mapping years)) {
                typeError(n, "mapping");
                return;
              }
              for (YamlNode.Entry e : years.entries()) {
                Integer year = yearKey(e.key());
                Fraction value = amountValue(e.value());
                if (year != null && value != null) {
                  perYear.merge(year, value, Fraction::plus);
                }
              }
            });
    String status = enumValue(m, "status");
    if (status == null && m.get("status").map(ProposalReader::isNull).orElse(true)) {
      warning("evidence/missing-status", m, "finding.revenue.no-status");
    }
    return new Proposal.Revenue(
        m.path(),
        text(m, "source"),
        enumValue(m, "type"),
        text(m, "counterparty"),
        status,
        Collections.unmodifiableSortedMap(perYear));
  }

  private Proposal.BudgetLine budgetLine(Mapping m) {
    return new Proposal.BudgetLine(m.path(), year(m, "year"), amount(m, "costs"));
  }

  private Proposal.EmploymentLine employmentLine(Mapping m) {
    return new Proposal.EmploymentLine(
        m.path(),
        year(m, "year"),
        count(m, "residents_hired"),
        number(m, "fte"),
        count(m, "entry_jobs"));
  }

  private Proposal.EmploymentSupport employmentSupport(Mapping m) {
    return new Proposal.EmploymentSupport(m.path(), bool(m, "guidance"), text(m, "outflow_target"));
  }

  private Proposal.Volunteers volunteers(Mapping m) {
    return new Proposal.Volunteers(
        m.path(), count(m, "count"), number(m, "hours_per_week"), bool(m, "allowance"));
  }

  private Proposal.Asset asset(Mapping m) {
    return new Proposal.Asset(
        m.path(),
        enumValue(m, "type"),
        text(m, "name"),
        enumValue(m, "tenure"),
        number(m, "term_years"),
        text(m, "owner"));
  }

  private Proposal.Risk risk(Mapping m) {
    return new Proposal.Risk(
        m.path(),
        text(m, "description"),
        enumValue(m, "likelihood"),
        enumValue(m, "impact"),
        text(m, "mitigation"));
  }

  private Proposal.ImpactIndicator indicator(Mapping m) {
    return new Proposal.ImpactIndicator(
        m.path(),
        text(m, "name"),
        enumValue(m, "theme"),
        text(m, "unit"),
        numberOrText(m, "baseline"),
        numberOrText(m, "target"),
        year(m, "target_year"),
        text(m, "method"));
  }

  private List<Proposal.Waiver> waivers(Mapping root) {
    return list(
        root,
        "waivers",
        m -> {
          String reason = text(m, "reason");
          if (reason == null || reason.isBlank()) {
            findings.add(
                Finding.error(
                    "waiver/no-reason",
                    m.get("reason").map(YamlNode::location).orElse(m.location()),
                    YamlNode.child(m.path(), "reason"),
                    "finding.waiver.no-reason"));
          }
          return new Proposal.Waiver(m.path(), text(m, "criterion"), reason);
        });
  }

  // ---------------------------------------------------------------------------------------------
  // Typed access with findings.

  private <T> T mapping(Mapping parent, String key, Function<Mapping, T> read) {
    var node = parent.get(key);
    if (node.isEmpty() || isNull(node.get())) {
      return null;
    }
    if (!(node.get() instanceof Mapping m)) {
      typeError(node.get(), "mapping");
      return null;
    }
    return read.apply(m);
  }

  private <T> List<T> list(Mapping parent, String key, Function<Mapping, T> read) {
    var node = parent.get(key);
    if (node.isEmpty()) {
      return null;
    }
    if (isNull(node.get())) {
      return List.of();
    }
    if (!(node.get() instanceof Sequence seq)) {
      typeError(node.get(), "list");
      return null;
    }
    List<T> out = new ArrayList<>();
    for (YamlNode item : seq.items()) {
      if (isNull(item)) {
        continue; // an empty item (or an alias, reported as such) adds nothing
      }
      if (!(item instanceof Mapping m)) {
        typeError(item, "mapping");
        continue;
      }
      out.add(read.apply(m));
    }
    return List.copyOf(out);
  }

  private Scalar scalar(Mapping m, String key) {
    var node = m.get(key);
    if (node.isEmpty() || isNull(node.get())) {
      return null;
    }
    if (!(node.get() instanceof Scalar s)) {
      typeError(node.get(), "text");
      return null;
    }
    return s;
  }

  private String text(Mapping m, String key) {
    Scalar s = scalar(m, key);
    return s == null ? null : s.text();
  }

  private String requiredText(Mapping m, String key) {
    String t = text(m, key);
    if (t == null || t.isBlank()) {
      var node = m.get(key);
      if (node.isPresent()) {
        findings.add(
            Finding.error(
                "schema/required",
                node.get().location(),
                YamlNode.child(m.path(), key),
                "finding.required-empty",
                key));
      } else {
        findings.add(
            Finding.error(
                "schema/required",
                m.location(),
                YamlNode.child(m.path(), key),
                "finding.required",
                key));
      }
      return null;
    }
    return t;
  }

  private String numberOrText(Mapping m, String key) {
    Scalar s = scalar(m, key);
    if (s == null) {
      return null;
    }
    if (s.kind() == Scalar.Kind.DECIMAL || s.kind() == Scalar.Kind.INTEGER) {
      exactNumber(s);
    }
    return s.text();
  }

  private String enumValue(Mapping m, String key) {
    Scalar s = scalar(m, key);
    if (s == null) {
      return null;
    }
    Vocabulary vocabulary = Vocabulary.forPath(s.path());
    var value = vocabulary.canonicalise(s.text());
    if (value.isEmpty()) {
      findings.add(ProposalSchema.get().unknownValue(s.location(), s.path(), s.text(), vocabulary));
      return null;
    }
    return value.get();
  }

  private Boolean bool(Mapping m, String key) {
    Scalar s = scalar(m, key);
    if (s == null) {
      return null;
    }
    var value =
        s.kind() == Scalar.Kind.BOOLEAN || s.kind() == Scalar.Kind.STRING
            ? Vocabulary.bool(s.text())
            : Optional.<Boolean>empty();
    if (value.isEmpty()) {
      error("schema/type", s, "finding.boolean", s.text(), key);
      return null;
    }
    return value.get();
  }

  /** A whole number of at least 0 (a count). */
  private Fraction count(Mapping m, String key) {
    Scalar s = scalar(m, key);
    if (s == null) {
      return null;
    }
    if (s.kind() == Scalar.Kind.STRING) {
      // a count written as text ("12"): read, with a warning; "12,5" is no whole number
      var whole = Amounts.whole(s.text());
      if (whole.isEmpty()) {
        error("schema/type", s, "finding.count", s.text(), key);
        return null;
      }
      numberAsText(s, key, whole.get());
      return whole.get();
    }
    if (s.kind() != Scalar.Kind.INTEGER) {
      error("schema/type", s, "finding.count", s.text(), key);
      return null;
    }
    Fraction f = exactNumber(s);
    if (f != null && f.signum() < 0) {
      error("schema/type", s, "finding.count", s.text(), key);
      return null;
    }
    return f;
  }

  /** A number of at least 0 that may have decimals. */
  private Fraction number(Mapping m, String key) {
    Scalar s = scalar(m, key);
    if (s == null) {
      return null;
    }
    if (s.kind() == Scalar.Kind.STRING) {
      // a number written as text, often with a Dutch decimal comma (12,5): read, with a warning
      var read = Amounts.decimal(s.text());
      if (read.isEmpty()) {
        error("schema/type", s, "finding.number", s.text(), key);
        return null;
      }
      numberAsText(s, key, read.get().value());
      return read.get().value();
    }
    if (!s.isNumber()) {
      error("schema/type", s, "finding.number", s.text(), key);
      return null;
    }
    Fraction f = exactNumber(s);
    if (f != null && f.signum() < 0) {
      error("schema/type", s, "finding.number", s.text(), key);
      return null;
    }
    return f;
  }

  private Fraction amount(Mapping m, String key) {
    var node = m.get(key);
    if (node.isEmpty() || isNull(node.get())) {
      return null;
    }
    return amountValue(node.get());
  }

  /** An amount of euros per year: a number, or text read by its shape (with a warning). */
  private Fraction amountValue(YamlNode node) {
    if (isNull(node)) {
      return null;
    }
    if (!(node instanceof Scalar s)) {
      typeError(node, "amount");
      return null;
    }
    Fraction value;
    if (s.isNumber()) {
      var thousands = Amounts.dutchThousands(s.text());
      if (thousands.isPresent()) {
        // euros never have three decimals: 60.000 is sixty thousand
        value = thousands.get();
        if (value.signum() >= 0) {
          warning(
              "amount/dutch-thousands",
              s,
              "finding.amount.dutch-thousands",
              s.text(),
              value.toPlainString(2));
        }
      } else if (Amounts.hasThreeDecimals(s.text())) {
        error("amount/unreadable", s, "finding.amount.three-decimals", s.text());
        return null;
      } else {
        value = exactNumber(s);
      }
    } else if (s.kind() == Scalar.Kind.STRING) {
      var parsed = Amounts.parse(s.text());
      if (parsed.isEmpty()) {
        error(
            "amount/unreadable",
            s,
            Amounts.hasThreeDecimals(s.text())
                ? "finding.amount.three-decimals"
                : "finding.amount.unreadable",
            s.text());
        return null;
      }
      value = parsed.get();
      if (value.signum() >= 0) {
        warning(
            "amount/text",
            s,
            "finding.amount.text",
            s.text(),
            Formats.number(value, Language.EN),
            Formats.number(value, Language.NL));
      }
    } else {
      typeError(s, "amount");
      return null;
    }
    if (value != null && value.signum() < 0) {
      error("amount/negative", s, "finding.amount.negative", s.text());
      return null;
    }
    return value;
  }

  /** The warning for a number written as text: how it was read, in both notations. */
  private void numberAsText(Scalar s, String key, Fraction value) {
    warning(
        "schema/number-text",
        s,
        "finding.number.text",
        s.text(),
        key,
        Formats.number(value, Language.EN),
        Formats.number(value, Language.NL));
  }

  private Fraction exactNumber(Scalar s) {
    String t = s.text();
    try {
      if (t.startsWith("0o")) {
        return Fraction.of(Long.parseLong(t.substring(2), 8));
      }
      if (t.startsWith("0x")) {
        return Fraction.of(Long.parseLong(t.substring(2), 16));
      }
      if (t.toLowerCase(Locale.ROOT).contains("inf")
          || t.toLowerCase(Locale.ROOT).contains("nan")) {
        throw new NumberFormatException(t);
      }
      return Fraction.parse(t);
    } catch (NumberFormatException e) {
      error(
          "schema/type", s, "finding.number-range", t.length() > 40 ? t.substring(0, 40) + "…" : t);
      return null;
    }
  }

  private Integer year(Mapping m, String key) {
    Scalar s = scalar(m, key);
    if (s == null) {
      return null;
    }
    return yearValue(s, key);
  }

  private Integer yearKey(Scalar key) {
    return yearValue(key, "per_year");
  }

  private Integer yearValue(Scalar s, String key) {
    String t = s.text().strip();
    if ((s.kind() == Scalar.Kind.INTEGER || s.kind() == Scalar.Kind.STRING)
        && t.matches("[0-9]{4}")) {
      return Integer.parseInt(t);
    }
    error("schema/type", s, "finding.year", s.text(), key);
    return null;
  }

  // ---------------------------------------------------------------------------------------------

  private static boolean isNull(YamlNode n) {
    return n instanceof Scalar s && s.isNull();
  }

  private void typeError(YamlNode node, String expected) {
    error("schema/type", node, "finding.type." + expected, node.kindName(), lastKey(node.path()));
  }

  private static String lastKey(String path) {
    int dot = path.lastIndexOf('.');
    return dot < 0 ? path : path.substring(dot + 1);
  }

  private void error(String rule, YamlNode at, String key, Object... args) {
    if (Privacy.isPrivate(at.path())) { // never echo a founder's name or contact details
      for (int i = 0; i < args.length; i++) {
        args[i] = "…";
      }
    }
    findings.add(Finding.error(rule, at.location(), at.path(), key, args));
  }

  private void warning(String rule, YamlNode at, String key, Object... args) {
    findings.add(Finding.warning(rule, at.location(), at.path(), key, args));
  }
}
