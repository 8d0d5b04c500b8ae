package org.hospital.client.schedule.waitlist;

import org.hospital.proto.scheduling.v1.WaitListEntry;

/**
 * One open entry as the panel shows it.
 *
 * @param target the clinician, or "any in the department"
 * @param days the days the patient can come
 * @param since when the patient was put on the list
 */
public record WaitListRow(WaitListEntry entry, String target, String days, String visitType, String since) {}
