package org.hospital.server.patients;

import java.util.List;

/** One page of ranked matches; {@code hasMore} when another page can be asked for. */
record SearchPage(List<PatientMatch> matches, int offset, boolean hasMore) {}
