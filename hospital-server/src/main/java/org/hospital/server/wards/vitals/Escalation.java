package org.hospital.server.wards.vitals;

/**
 * The clinical response a NEWS2 total calls for (Royal College of Physicians, 2017): low (0-4), low-medium
 * (a single parameter scoring 3: urgent ward-based review), medium (5-6: urgent response), high (7 or more:
 * emergency response).
 */
public enum Escalation { LOW, LOW_MEDIUM, MEDIUM, HIGH }
