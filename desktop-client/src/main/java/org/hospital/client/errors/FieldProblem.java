package org.hospital.client.errors;

import org.hospital.proto.common.v1.FieldViolationCode;

/**
 * One invalid field, found by the server (BadRequest) or by the form itself.
 *
 * @param field request path, e.g. {@code demographics.family_name}
 * @param maxLength the limit for {@link FieldViolationCode#TOO_LONG}, 0 when unknown
 */
public record FieldProblem(String field, FieldViolationCode code, int maxLength) {

  public FieldProblem(String field, FieldViolationCode code) {
    this(field, code, 0);
  }
}
