package org.hospital.server.patients;

import java.util.List;

/** A search hit: the row and why it matched, best reason first. */
record PatientMatch(PatientRow row, List<String> reasons) {}
