package org.hospital.server.lab;

import java.util.List;
import java.util.Map;
import org.hospital.server.patients.Patient;

/** An order with what a screen shows of it: the patient, the results and the values corrections replaced. */
record LabOrderView(LabOrder order, Patient patient, List<LabResult> results,
    Map<Long, List<LabResultRevision>> revisions) {}
