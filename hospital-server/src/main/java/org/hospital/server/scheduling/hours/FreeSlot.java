package org.hospital.server.scheduling.hours;

/** A slot and whether it can be booked. */
public record FreeSlot(Slot slot, boolean free) {}
