package org.hospital.server.scheduling.appointments;

/** An appointment's place in a recurring series: position (1-based) of count; {@link #NONE} for a single one. */
public record SeriesPlace(long seriesId, int position, int count) {

  public static final SeriesPlace NONE = new SeriesPlace(0, 0, 0);

  public boolean inSeries() {
    return seriesId != 0;
  }
}
