package org.hospital.server.clinical.chart;

import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import java.util.function.Function;
import org.hospital.server.errors.DomainException;
import org.hospital.server.patients.Patient;

/**
 * Loading chart records for a change: locked, so that the version compared is the version overwritten, and
 * refused with the record's last editor when the caller saw an older version.
 */
public final class ChartRecords {

  private ChartRecords() {}

  /** The record, locked for this transaction; NOT_FOUND when there is none. */
  public static <T> T lock(EntityManager em, Class<T> type, long id) {
    T found = em.find(type, id, LockModeType.PESSIMISTIC_WRITE);
    if (found == null) {
      throw DomainException.notFound();
    }
    return found;
  }

  /** ABORTED STALE_VERSION unless the caller saw the current version. */
  public static <T> T current(T record, long expectedVersion, Function<T, Long> version, Function<T, String> by,
      Function<T, java.time.Instant> at) {
    if (version.apply(record) != expectedVersion) {
      throw DomainException.stale(by.apply(record), at.apply(record), version.apply(record));
    }
    return record;
  }

  public static Patient patient(EntityManager em, long patientId) {
    Patient p = em.find(Patient.class, patientId);
    if (p == null) {
      throw DomainException.notFound();
    }
    return p;
  }
}
