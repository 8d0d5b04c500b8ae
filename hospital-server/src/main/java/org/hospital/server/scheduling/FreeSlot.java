package org.hospital.server.scheduling;

/** A slot and whether it can be booked. */
public record FreeSlot(Slot slot, boolean free) {}
