package org.hospital.server.errors;

import org.hospital.proto.common.v1.FieldViolationCode;

/** One invalid field: its request path (e.g. {@code demographics.family_name}) and what is wrong with it. */
public record FieldViolation(String field, FieldViolationCode code) {}
