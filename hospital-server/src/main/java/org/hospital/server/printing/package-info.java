/**
 * Shared printing helpers that know no feature: the codes (QR, Code 128) drawn on forms, labels and screens.
 * The forms themselves (JasperReports templates and their rendering) are in {@code reports} and the features.
 */
package org.hospital.server.printing;
