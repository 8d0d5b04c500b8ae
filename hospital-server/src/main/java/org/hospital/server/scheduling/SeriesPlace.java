package org.hospital.server.scheduling;

/** An appointment's place in a recurring series: position (1-based) of count; {@link #NONE} for a single one. */
record SeriesPlace(long seriesId, int position, int count) {

  static final SeriesPlace NONE = new SeriesPlace(0, 0, 0);

  boolean inSeries() {
    return seriesId != 0;
  }
}
