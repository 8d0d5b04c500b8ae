package org.hospital.server.wards.beds;

import java.time.Instant;

/** A bed as locked for a change; {@code note} is null unless blocked or reserved. */
public record BedRow(long id, long wardId, String room, String label, BedState state, String note, long version,
    Instant updatedAt, String updatedBy) {}
