package org.hospital.server.wards.vitals;

import java.time.Instant;

/** A recorded set of observations with the NEWS2 the server scored it at, on the scale it used. */
public record VitalsRecord(long id, long stayId, long patientId, Observations observations, Instant takenAt,
    String recordedBy, int spo2Scale, News2.Score score) {}
