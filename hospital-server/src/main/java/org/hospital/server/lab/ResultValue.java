package org.hospital.server.lab;

import java.math.BigDecimal;

/** A checked result for one analyte: a number in the analyte's unit or one of its codes, with its flag. */
record ResultValue(Analyte analyte, BigDecimal number, String code, Analyte.Range range, ResultFlag flag) {}
