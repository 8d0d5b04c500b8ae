package org.hospital.server.wards.vitals;

/**
 * One set of observations as measured at the bedside. Temperature in tenths of a degree Celsius, so that
 * 38.0 and 38.1 (a NEWS2 band edge) are exact; pain is null when not assessed.
 */
public record Observations(int temperatureDecicelsius, int pulse, int systolic, int diastolic,
    int respiratoryRate, int spo2, boolean onOxygen, Consciousness consciousness, Integer painScore) {}
