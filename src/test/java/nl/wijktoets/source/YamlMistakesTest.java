package nl.wijktoets.source;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import nl.wijktoets.i18n.Language;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * YAML syntax errors in plain words, on the line of the mistake: each case is a small file with one
 * mistake, the line and column of the mistake, and the message it gets.
 */
class YamlMistakesTest {

  /** Words of the parser that a resident does not know; never in a message. */
  static final List<String> PARSER_WORDS =
      List.of(
          "while scanning",
          "while parsing",
          "block end",
          "block mapping",
          "block sequence",
          "mapping values are not allowed",
          "simple key",
          "scalar",
          "token",
          "end of stream",
          "<block",
          "expected ','",
          "could not find expected");

  private static Finding read(String text) {
    List<Finding> findings =
        new YamlTreeReader(YamlTreeReader.Limits.PROPOSAL)
            .read("p.yaml", text.getBytes(StandardCharsets.UTF_8))
            .findings();
    assertThat(findings).as("findings of%n%s", text).hasSize(1);
    return findings.get(0);
  }

  @ParameterizedTest(name = "{0}")
  @CsvSource(
      delimiter = '¦',
      quoteCharacter = '~',
      value = {
        "unclosed single quote ¦ version: 1\\nmunicipality: 's-Gravenhage\\nstage: idee\\n ¦ 2 ¦ 15"
            + " ¦ finding.yaml.unclosed-quote ¦ \"'s-Gravenhage\"",
        "unclosed quote at the end ¦ version: 1\\nmunicipality: 's-Gravenhage\\n ¦ 2 ¦ 15"
            + " ¦ finding.yaml.unclosed-quote ¦ \"'s-Gravenhage\"",
        "unclosed quote closed lines later ¦ name: 'De Buurt\\nmission: it's ons werk\\nstage: x\\n"
            + " ¦ 1 ¦ 7 ¦ finding.yaml.unclosed-quote ¦ \"'De Buurt\"",
        "unclosed double quote ¦ name: \"De Buurt\\nstage: idee\\n ¦ 1 ¦ 7"
            + " ¦ finding.yaml.unclosed-quote ¦ \"De Buurt\"",
        "missing colon ¦ version: 1\\nname Test\\nstage: idee\\n ¦ 2 ¦ 5"
            + " ¦ finding.yaml.missing-colon ¦ name: Test",
        "missing colon on the last line ¦ version: 1\\nname Test\\n ¦ 2 ¦ 5"
            + " ¦ finding.yaml.missing-colon ¦ name: Test",
        "no space after the colon ¦ version: 1\\nname:Test\\nstage: idee\\n ¦ 2 ¦ 5"
            + " ¦ finding.yaml.no-space ¦ name: Test",
        "a key indented one space ¦ name: Test\\n neighbourhood: Moerwijk\\n ¦ 2 ¦ 2"
            + " ¦ finding.yaml.indented-more ¦ neighbourhood",
        "a key indented less ¦ residents:\\n    involved: 3\\n  members: 4\\n ¦ 3 ¦ 3"
            + " ¦ finding.yaml.not-lined-up ¦ members",
        "a key of a list item at the dash ¦ partners:\\n  - name: a\\n  sector: b\\n ¦ 3 ¦ 3"
            + " ¦ finding.yaml.item-key ¦ sector",
        "a list item among keys ¦ residents:\\n  involved: 3\\n  - members: 4\\n ¦ 3 ¦ 3"
            + " ¦ finding.yaml.dash-among-keys ¦ residents",
        "a list item after a value ¦ waivers: []\\n  - criterion: x\\n    reason: y\\n ¦ 2 ¦ 3"
            + " ¦ finding.yaml.list-after-value ¦ []",
        "a list item not lined up ¦ partners:\\n- name: A\\n - name: B\\n ¦ 3 ¦ 2"
            + " ¦ finding.yaml.item-not-lined-up ¦ 2",
        "a colon in a value ¦ name: Test: de buurt\\n ¦ 1 ¦ 11"
            + " ¦ finding.yaml.colon-in-value ¦ name: \"Test: de buurt\"",
        "a year key on the same line ¦ per_year: 2027: 5000\\n ¦ 1 ¦ 15"
            + " ¦ finding.yaml.key-in-value ¦ 2027",
        "text after a quote ¦ name: \"De Buurt\" coop\\n ¦ 1 ¦ 17"
            + " ¦ finding.yaml.text-after-quote ¦ name: \"De Buurt coop\"",
        "a value starting with @ ¦ name: @buurt\\n ¦ 1 ¦ 7 ¦ finding.yaml.bad-start ¦ \"@buurt\"",
        "a value starting with % ¦ name: %50 korting\\n ¦ 1 ¦ 7"
            + " ¦ finding.yaml.bad-start ¦ \"%50 korting\"",
        "a tab after the colon ¦ name:\\tTest\\n ¦ 1 ¦ 6 ¦ finding.yaml.tab-after-colon ¦ name",
        "text after a pipe ¦ mission: | tekst\\n ¦ 1 ¦ 10 ¦ finding.yaml.block-text ¦ mission",
        "an unclosed brace ¦ per_year: {2027: 5000, 2028: 6000\\nbudget: x\\n ¦ 1 ¦ 11"
            + " ¦ finding.yaml.unclosed-bracket ¦ }",
        "an unclosed bracket ¦ name: [Buurt\\nstage: idee\\n ¦ 1 ¦ 7"
            + " ¦ finding.yaml.unclosed-bracket ¦ ]",
        "a backslash between double quotes ¦ mission: \"C:\\\\pad\"\\n ¦ 1 ¦ 14"
            + " ¦ finding.yaml.escape ¦ ~~",
        "text going on without indent ¦ mission: Bewoners doen het werk\\nen zo blijft het geld in"
            + " de wijk\\n ¦ 2 ¦ 1 ¦ finding.yaml.not-a-key ¦ mission",
        "a comment line, then a key indented ¦ name: x\\n# uitleg\\n  stage: idee\\n ¦ 3 ¦ 3"
            + " ¦ finding.yaml.indented-more ¦ stage"
      })
  void aMistakeIsExplainedOnItsLine(
      String name, String text, int line, int column, String key, String argument) {
    Finding f = read(text.replace("\\n", "\n").replace("\\t", "\t").replace("\\\\", "\\"));
    assertThat(f.rule()).isEqualTo("yaml/syntax");
    assertThat(f.messageKey()).isEqualTo(key);
    assertThat(f.location().line() + ":" + f.location().column()).isEqualTo(line + ":" + column);
    if (!argument.isEmpty()) {
      assertThat(f.args()).anyMatch(a -> a.contains(argument));
    }
    for (Language lang : Language.values()) {
      String message = f.message(lang);
      assertThat(message).hasSizeLessThan(300);
      for (String word : PARSER_WORDS) {
        assertThat(message).as("%s in %s", word, lang).doesNotContainIgnoringCase(word);
      }
    }
    assertThat(f.detail()).as("the parser's own words, for --verbose").isNotBlank();
  }

  @org.junit.jupiter.api.Test
  void aTagWouldDropAWordSoItIsAnErrorThatSaysToQuote() {
    Finding f = read("mission: !belangrijk wij doen het\n");
    assertThat(f.rule()).isEqualTo("yaml/syntax");
    assertThat(f.messageKey()).isEqualTo("finding.yaml.bad-start");
    assertThat(f.location().line() + ":" + f.location().column()).isEqualTo("1:10");
    assertThat(f.message(Language.EN)).contains("\"!belangrijk wij doen het\"");
  }

  @org.junit.jupiter.api.Test
  void aMistakeUnderContactOrFoundersEchoesNoValue() {
    Finding f = read("name: x\ncontact:\n  name: 'Fatima Bakkali\n  email: f@example.org\n");
    assertThat(f.messageKey()).isEqualTo("finding.yaml.unclosed-quote");
    assertThat(f.location().line()).isEqualTo(3);
    assertThat(f.message(Language.NL) + f.message(Language.EN)).doesNotContain("Fatima");
    assertThat(f.detail()).isNull();
    Finding founders = read("founders:\n  - role: x\n    name Fatima\n");
    assertThat(founders.message(Language.EN)).doesNotContain("Fatima").contains("name");
  }

  @org.junit.jupiter.api.Test
  void noYamlMessageInEitherLanguageUsesTheParsersWords() throws Exception {
    for (String lang : List.of("en", "nl")) {
      Properties p = new Properties();
      try (var in =
          Files.newBufferedReader(
              Path.of("src/main/resources/nl/wijktoets/i18n/messages_" + lang + ".properties"),
              StandardCharsets.UTF_8)) {
        p.load(in);
      }
      List<String> offending = new ArrayList<>();
      for (String key : p.stringPropertyNames()) {
        if (key.startsWith("finding.") || key.startsWith("rule.yaml")) {
          for (String word : PARSER_WORDS) {
            if (p.getProperty(key).toLowerCase(java.util.Locale.ROOT).contains(word)) {
              offending.add(key + ": " + word);
            }
          }
        }
      }
      assertThat(offending).as(lang).isEmpty();
    }
  }

  // ---------------------------------------------------------------------------------------------
  // any mistake typed into a valid file: a plain message on a line of the file

  private static final String VALID =
      """
      version: 1
      name: "Buurtbedrijf De Handen"
      neighbourhood: Moerwijk
      municipality: Den Haag
      residents:
        involved: 12
        consultations:
          - type: bijeenkomst
            participants: 30
      partners:
        - name: Stadsdeel Escamp
          sector: stadsdeel
          commitment: in-gesprek
      revenue:
        - type: verkoop
          status: prognose
          per_year: {2027: 25000, 2028: 30000}
      mission: >-
        Bewoners doen het werk
        dat in de wijk nodig is.
      """;

  @Provide
  Arbitrary<String> typos() {
    List<String> lines = VALID.lines().toList();
    Arbitrary<Integer> line = Arbitraries.integers().between(0, lines.size() - 1);
    Arbitrary<String> edit =
        Arbitraries.of(
            "drop-colon",
            "quote",
            "double-quote",
            "indent",
            "dedent",
            "dash",
            "colon-in-value",
            "brace",
            "at",
            "tab-after-colon");
    return Combinators.combine(line, edit)
        .as(
            (n, e) -> {
              List<String> copy = new ArrayList<>(lines);
              String l = copy.get(n);
              copy.set(
                  n,
                  switch (e) {
                    case "drop-colon" -> l.replaceFirst(":", "");
                    case "quote" -> l.replaceFirst(": ", ": '");
                    case "double-quote" -> l.replaceFirst(": ", ": \"");
                    case "indent" -> " " + l;
                    case "dedent" -> l.startsWith(" ") ? l.substring(1) : l;
                    case "dash" -> "- " + l;
                    case "colon-in-value" -> l + ": meer";
                    case "brace" -> l.replaceFirst(": ", ": {");
                    case "at" -> l.replaceFirst(": ", ": @");
                    default -> l.replaceFirst(": ", ":\t");
                  });
              return String.join("\n", copy) + "\n";
            });
  }

  @Property(tries = 300, seed = "14")
  void anyTypoGetsAPlainMessageOnALineOfTheFile(@ForAll("typos") String text) {
    YamlTreeReader.Result r =
        new YamlTreeReader(YamlTreeReader.Limits.PROPOSAL)
            .read("p.yaml", text.getBytes(StandardCharsets.UTF_8));
    long lines = text.lines().count();
    for (Finding f : r.findings()) {
      if (!f.rule().startsWith("yaml/")) {
        continue;
      }
      assertThat(f.location().line()).as("%s%n%s", f, text).isBetween(1, (int) lines);
      for (Language lang : Language.values()) {
        String message = f.message(lang);
        assertThat(message).hasSizeLessThan(300);
        for (String word : PARSER_WORDS) {
          assertThat(message).as("%s%n%s", message, text).doesNotContainIgnoringCase(word);
        }
      }
    }
  }
}
