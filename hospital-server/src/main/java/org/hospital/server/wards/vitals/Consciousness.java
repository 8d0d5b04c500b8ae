package org.hospital.server.wards.vitals;

/** The ACVPU scale: alert, new confusion, responds to voice, to pain, unresponsive. */
public enum Consciousness { ALERT, CONFUSION, VOICE, PAIN, UNRESPONSIVE }
