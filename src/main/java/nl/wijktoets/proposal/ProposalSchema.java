package nl.wijktoets.proposal;

import nl.wijktoets.source.SchemaCheck;

/**
 * The proposal JSON Schema (draft 2020-12), the single source of the format's structure, with the
 * proposal's Dutch synonyms for enumerated values ({@link Vocabulary}).
 */
public final class ProposalSchema {

  /** Where the schema lives on the class path. */
  public static final String RESOURCE = "/nl/wijktoets/schema/proposal.schema.json";

  private ProposalSchema() {}

  private static final class Holder {
    static final SchemaCheck INSTANCE = new SchemaCheck(RESOURCE, Vocabulary::forPath, true);
  }

  /** The proposal schema, built on first use. */
  public static SchemaCheck get() {
    return Holder.INSTANCE;
  }
}
