package org.hospital.server.errors;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.hospital.proto.common.v1.FieldViolationCode;

/** Collects every field problem of a request, so the caller learns all of them at once. */
public final class Violations {

  private final List<FieldViolation> list = new ArrayList<>();
  private final Map<String, String> metadata = new LinkedHashMap<>();

  public Violations add(String field, FieldViolationCode code) {
    list.add(new FieldViolation(field, code));
    return this;
  }

  public Violations addTooLong(String field, int maxLength) {
    metadata.put(field + ".max_length", Integer.toString(maxLength));
    return add(field, FieldViolationCode.TOO_LONG);
  }

  public boolean isEmpty() {
    return list.isEmpty();
  }

  public boolean has(String field) {
    return list.stream().anyMatch(v -> v.field().equals(field));
  }

  /** The INVALID_ARGUMENT these violations make, to throw later. */
  public DomainException toException() {
    return DomainException.invalid(list, metadata);
  }

  /** Throws INVALID_ARGUMENT with every collected violation, if there are any. */
  public void throwIfAny() {
    if (!list.isEmpty()) {
      throw DomainException.invalid(list, metadata);
    }
  }
}
