package nl.wijktoets.proposal;

import java.math.BigDecimal;
import java.math.MathContext;
import java.util.List;
import nl.wijktoets.exact.Fraction;

/**
 * Writes a {@link Proposal} as a format-1 YAML file, so that reading it back gives the same
 * proposal (and the same scores). Used by {@code batch --to-yaml} for flat CSV rows. Names that the
 * model does not keep (founders) are written as {@code founder 1..n}.
 */
public final class ProposalYamlWriter {

  private final StringBuilder out = new StringBuilder(2048);

  private ProposalYamlWriter() {}

  public static String write(Proposal p) {
    ProposalYamlWriter w = new ProposalYamlWriter();
    w.proposal(p);
    return w.out.toString();
  }

  private void proposal(Proposal p) {
    line(0, "version", "1");
    if (p.language() != null) {
      line(0, "language", p.language().code());
    }
    text(0, "name", p.name());
    text(0, "neighbourhood", p.neighbourhood());
    text(0, "district", p.district());
    text(0, "municipality", p.municipality());
    text(0, "stage", p.stage());
    text(0, "legal_form", p.legalForm());
    text(0, "mission", p.mission());
    if (p.founders() != null) {
      block(0, "founders", p.founders().isEmpty());
      int i = 0;
      for (Proposal.Founder f : p.founders()) {
        i++;
        item(1, "name", quote("founder " + i));
        bool(2, "lives_in_neighbourhood", f.livesInNeighbourhood());
      }
    }
    if (p.residents() != null) {
      Proposal.Residents r = p.residents();
      block(0, "residents", false);
      number(1, "involved", r.involved());
      number(1, "members", r.members());
      if (r.consultations() != null) {
        block(1, "consultations", r.consultations().isEmpty());
        for (Proposal.Consultation c : r.consultations()) {
          item(2, "type", c.type() == null ? "other" : c.type());
          text(3, "date", c.date());
          number(3, "participants", c.participants());
        }
      }
    }
    if (p.governance() != null) {
      Proposal.Governance g = p.governance();
      block(0, "governance", false);
      if (g.board() != null) {
        block(1, "board", g.board().isEmpty());
        for (Proposal.BoardMember b : g.board()) {
          item(2, "role", quote(b.role() == null ? "member" : b.role()));
          bool(3, "resident", b.resident());
          bool(3, "paid", b.paid());
        }
      }
      bool(1, "members_meeting", g.membersMeeting());
      bool(1, "profit_reinvested", g.profitReinvested());
      if (g.connector() != null) {
        Proposal.Connector c = g.connector();
        block(1, "connector", false);
        text(2, "role", c.role());
        number(2, "hours_per_week", c.hoursPerWeek());
        bool(2, "paid", c.paid());
        text(2, "employer", c.employer());
        text(2, "reports_to", c.reportsTo());
      }
    }
    list(
        p.partners(),
        "partners",
        (x, first) -> {
          item(1, "name", quote(x.name() == null ? "partner" : x.name()));
          text(2, "sector", x.sector());
          text(2, "role", x.role());
          text(2, "commitment", x.commitment());
        });
    list(
        p.residentGroups(),
        "resident_groups",
        (x, first) -> {
          item(1, "name", quote(x.name() == null ? "resident group" : x.name()));
          text(2, "type", x.type());
          text(2, "relation", x.relation());
        });
    list(
        p.activities(),
        "activities",
        (x, first) -> {
          item(1, "name", quote(x.name() == null ? "activity" : x.name()));
          text(2, "theme", x.theme());
          text(2, "description", x.description());
          bool(2, "public_task", x.publicTask());
          text(2, "current_provider", x.currentProvider());
          number(2, "current_cost", x.currentCost());
          number(2, "proposed_price", x.proposedPrice());
          text(2, "added_value", x.addedValue());
          number(2, "jobs_for_residents", x.jobsForResidents());
          number(2, "beneficiaries_per_year", x.beneficiariesPerYear());
        });
    list(
        p.revenue(),
        "revenue",
        (x, first) -> {
          item(1, "source", quote(x.source() == null ? String.valueOf(x.type()) : x.source()));
          text(2, "type", x.type());
          text(2, "counterparty", x.counterparty());
          text(2, "status", x.status());
          if (!x.perYear().isEmpty()) {
            StringBuilder years = new StringBuilder("{");
            x.perYear()
                .forEach(
                    (y, v) ->
                        years
                            .append(years.length() > 1 ? ", " : "")
                            .append(y)
                            .append(": ")
                            .append(plain(v)));
            line(2, "per_year", years.append('}').toString());
          }
        });
    list(
        p.budget(),
        "budget",
        (x, first) -> {
          item(1, "year", String.valueOf(x.year()));
          number(2, "costs", x.costs());
        });
    list(
        p.employment(),
        "employment",
        (x, first) -> {
          item(1, "year", String.valueOf(x.year()));
          number(2, "residents_hired", x.residentsHired());
          number(2, "fte", x.fte());
          number(2, "entry_jobs", x.entryJobs());
        });
    if (p.employmentSupport() != null) {
      block(0, "employment_support", false);
      bool(1, "guidance", p.employmentSupport().guidance());
      text(1, "outflow_target", p.employmentSupport().outflowTarget());
    }
    if (p.volunteers() != null) {
      block(0, "volunteers", false);
      number(1, "count", p.volunteers().count());
      number(1, "hours_per_week", p.volunteers().hoursPerWeek());
      bool(1, "allowance", p.volunteers().allowance());
    }
    list(
        p.assets(),
        "assets",
        (x, first) -> {
          item(1, "type", x.type() == null ? "other" : x.type());
          text(2, "name", x.name());
          text(2, "tenure", x.tenure());
          number(2, "term_years", x.termYears());
          text(2, "owner", x.owner());
        });
    list(
        p.risks(),
        "risks",
        (x, first) -> {
          item(1, "description", quote(x.description() == null ? "risk" : x.description()));
          text(2, "likelihood", x.likelihood());
          text(2, "impact", x.impact());
          text(2, "mitigation", x.mitigation());
        });
    list(
        p.impactIndicators(),
        "impact_indicators",
        (x, first) -> {
          item(1, "name", quote(x.name() == null ? "indicator" : x.name()));
          text(2, "theme", x.theme());
          text(2, "unit", x.unit());
          text(2, "baseline", x.baseline());
          text(2, "target", x.target());
          if (x.targetYear() != null) {
            line(2, "target_year", String.valueOf(x.targetYear()));
          }
          text(2, "method", x.method());
        });
    list(
        p.waivers(),
        "waivers",
        (x, first) -> {
          item(1, "criterion", quote(String.valueOf(x.criterion())));
          text(2, "reason", x.reason());
        });
  }

  private interface Item<T> {
    void write(T item, boolean first);
  }

  private <T> void list(List<T> items, String key, Item<T> writer) {
    if (items == null) {
      return;
    }
    block(0, key, items.isEmpty());
    for (T item : items) {
      writer.write(item, true);
    }
  }

  private void block(int indent, String key, boolean empty) {
    out.append("  ".repeat(indent)).append(key).append(empty ? ": []\n" : ":\n");
  }

  private void item(int indent, String key, String value) {
    out.append("  ".repeat(indent))
        .append("- ")
        .append(key)
        .append(": ")
        .append(value)
        .append('\n');
  }

  private void line(int indent, String key, String value) {
    out.append("  ".repeat(indent)).append(key).append(": ").append(value).append('\n');
  }

  private void text(int indent, String key, String value) {
    if (value != null) {
      line(indent, key, quote(value));
    }
  }

  private void bool(int indent, String key, Boolean value) {
    if (value != null) {
      line(indent, key, value ? "true" : "false");
    }
  }

  private void number(int indent, String key, Fraction value) {
    if (value != null) {
      line(indent, key, plain(value));
    }
  }

  /** An exact plain decimal (amounts and counts written by this writer always terminate). */
  static String plain(Fraction f) {
    if (f.isInteger()) {
      return f.numerator().toString();
    }
    try { // exact when the decimal terminates (always so for amounts read from text)
      return new BigDecimal(f.numerator())
          .divide(new BigDecimal(f.denominator()), MathContext.UNLIMITED)
          .toPlainString();
    } catch (ArithmeticException nonTerminating) {
      return f.toPlainString(20);
    }
  }

  /** A double-quoted YAML string (always a string, whatever it looks like). */
  static String quote(String s) {
    StringBuilder q = new StringBuilder(s.length() + 2).append('"');
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      switch (c) {
        case '"' -> q.append("\\\"");
        case '\\' -> q.append("\\\\");
        case '\n' -> q.append("\\n");
        case '\r' -> q.append("\\r");
        case '\t' -> q.append("\\t");
        default -> {
          // everything YAML would not print as it is, or would fold (NEL, line and paragraph
          // separators), is escaped, so reading the file back gives the same text
          boolean escape =
              c < 0x20
                  || (c >= 0x7F && c <= 0x9F)
                  || c == 0x2028
                  || c == 0x2029
                  || c == 0xFEFF
                  || c >= 0xFFFE
                  || (Character.isHighSurrogate(c)
                      && (i + 1 >= s.length() || !Character.isLowSurrogate(s.charAt(i + 1))))
                  || (Character.isLowSurrogate(c)
                      && (i == 0 || !Character.isHighSurrogate(s.charAt(i - 1))));
          if (escape) {
            q.append(String.format("\\u%04X", (int) c));
          } else {
            q.append(c);
          }
        }
      }
    }
    return q.append('"').toString();
  }
}
