package org.hospital.server.persistence;

import java.util.Locale;

/**
 * The settings an H2 file database needs so that a commit the server has answered is on disk, in the
 * operating system's hands, before the answer leaves: it then survives {@code kill -9} of the server (not a
 * power loss; see docs/decisions/0005).
 *
 * <ul>
 *   <li>{@code WRITE_DELAY=0}: H2's default (500 ms) leaves commits in memory for a background writer,
 *       which under steady load kept losing the race for the store and wrote nothing for minutes; with 0 the
 *       committing thread writes its chunk before the commit returns.</li>
 *   <li>{@code REUSE_SPACE=FALSE}: with space reuse, a chunk written into a gap at the end of the live
 *       data, with dead chunks still beyond it, can be written without a new file header; after a crash the
 *       store opens from the older chunk that the header and the file's end point to, and the newest commit
 *       is gone. Appending only keeps every new chunk findable; the price is a file that only grows
 *       (decision 0005).</li>
 * </ul>
 * An explicit setting in the URL is kept, so an operator can still choose otherwise.
 */
final class H2Durability {

  private H2Durability() {}

  static boolean isFileDatabase(String jdbcUrl) {
    String u = jdbcUrl.toLowerCase(Locale.ROOT);
    return u.startsWith("jdbc:h2:") && !u.startsWith("jdbc:h2:mem:") && !u.startsWith("jdbc:h2:tcp:")
        && !u.startsWith("jdbc:h2:ssl:");
  }

  static String durable(String jdbcUrl) {
    if (!isFileDatabase(jdbcUrl)) {
      return jdbcUrl;
    }
    String url = jdbcUrl;
    url = withDefault(url, "WRITE_DELAY", "0");
    url = withDefault(url, "REUSE_SPACE", "FALSE");
    return url;
  }

  private static String withDefault(String url, String setting, String value) {
    return url.toUpperCase(Locale.ROOT).contains(";" + setting + "=") ? url : url + ";" + setting + "=" + value;
  }
}
