/**
 * The wait list: entries for a clinician or a department, candidates for a freed slot, and its live feed.
 */
package org.hospital.server.scheduling.waitlist;
