package nl.wijktoets.util;

import java.io.IOException;
import java.io.InputStream;
import java.util.Properties;

/** The tool's name and version, as the build wrote them. */
public final class Version {

  public static final String NAME = "wijktoets";

  private static final String VERSION = load();

  private Version() {}

  public static String version() {
    return VERSION;
  }

  private static String load() {
    try (InputStream in = Version.class.getResourceAsStream("/nl/wijktoets/version.properties")) {
      Properties p = new Properties();
      if (in != null) {
        p.load(in);
      }
      return p.getProperty("version", "dev");
    } catch (IOException e) {
      return "dev";
    }
  }
}
