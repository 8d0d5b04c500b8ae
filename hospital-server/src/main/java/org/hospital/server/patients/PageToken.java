package org.hospital.server.patients;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import org.hospital.proto.common.v1.FieldViolationCode;
import org.hospital.server.errors.Violations;

/**
 * Opaque page tokens: the offset of the next page, bound to the search it belongs to by a fingerprint, so a
 * token from one search cannot page through another.
 */
final class PageToken {

  private PageToken() {}

  static String encode(int offset, SearchCriteria c) {
    String raw = offset + ":" + Integer.toHexString(c.fingerprint().hashCode());
    return Base64.getUrlEncoder().withoutPadding().encodeToString(raw.getBytes(StandardCharsets.US_ASCII));
  }

  /** The offset carried by {@code token}; 0 for an empty token; INVALID_ARGUMENT for anything forged. */
  static int decode(String token, SearchCriteria c) {
    if (token.isEmpty()) {
      return 0;
    }
    try {
      String raw = new String(Base64.getUrlDecoder().decode(token), StandardCharsets.US_ASCII);
      int colon = raw.indexOf(':');
      int offset = Integer.parseInt(raw.substring(0, colon));
      if (offset > 0 && offset <= PatientService.MAX_RESULTS
          && raw.substring(colon + 1).equals(Integer.toHexString(c.fingerprint().hashCode()))) {
        return offset;
      }
    } catch (IllegalArgumentException | StringIndexOutOfBoundsException e) {
      // falls through to the violation below
    }
    new Violations().add("page_token", FieldViolationCode.INVALID_FORMAT).throwIfAny();
    return 0;
  }
}
