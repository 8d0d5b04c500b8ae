package org.hospital.server.clinical.chart;

import jakarta.persistence.EntityManager;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Clock;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.hospital.server.audit.AuditAction;
import org.hospital.server.audit.AuditEvent;
import org.hospital.server.audit.AuditOutcome;
import org.hospital.server.audit.AuditTrail;
import org.hospital.server.errors.DomainException;
import org.hospital.server.idempotency.IdempotencyKeys;
import org.hospital.server.persistence.Database;
import org.hospital.server.security.CurrentUser;

/** Starting, reading and ending encounters, and setting their diagnoses. Every call is audited. */
public final class EncounterService {

  static final String START = "start-encounter";
  /** A consultation starts from a patient who has arrived; earlier or after it ended, it is the wrong one. */
  private static final Set<String> STARTABLE = Set.of("CHECKED_IN", "IN_CONSULTATION");

  private final Database db;
  private final AuditTrail audit;
  private final Clock clock;

  public EncounterService(Database db, AuditTrail audit, Clock clock) {
    this.db = db;
    this.audit = audit;
    this.clock = clock;
  }

  /**
   * Opens an outpatient encounter for the appointment (when {@code appointmentId} is set) or the patient. The
   * key makes a retry answer with the first result; an appointment has one encounter, so a second start of
   * the same consultation (another key, another workstation) answers with it too.
   */
  public EncounterView start(String key, long appointmentId, long patientId, String reason, CurrentUser user) {
    String fingerprint = IdempotencyKeys.fingerprint(START, appointmentId, patientId, reason);
    // a concurrent start of the same consultation (or retry of the key) may commit first: the rerun finds it
    return view(ChartFailures.retryOnUniqueViolation(() -> db.inTransaction(em -> startIn(em, key, fingerprint,
        appointmentId, patientId, reason, user))));
  }

  private Encounter startIn(EntityManager em, String key, String fingerprint, long appointmentId, long patientId,
      String reason, CurrentUser user) {
    Connection c = em.unwrap(Connection.class);
    try {
      Optional<Long> replay = IdempotencyKeys.replay(c, user.staffId(), key, START, fingerprint);
      if (replay.isPresent()) {
        return em.find(Encounter.class, replay.get());
      }
      Encounter e;
      if (appointmentId > 0) {
        AppointmentLink.Appointment a = AppointmentLink.lock(c, appointmentId).orElseThrow(
            () -> ChartFailures.unknownId("appointment_id"));
        Optional<Encounter> existing = em.createQuery("SELECT e FROM Encounter e WHERE e.appointmentId = :a",
            Encounter.class).setParameter("a", appointmentId).getResultStream().findFirst();
        if (existing.isPresent()) {
          e = existing.get();
        } else {
          if (!STARTABLE.contains(a.status())) {
            throw DomainException.invalidTransition(a.status());
          }
          e = Encounter.outpatient(a.patientId(), appointmentId, user.staffId(), user.displayName(),
              a.departmentId(), reason != null ? reason : a.reason(), clock.instant());
          em.persist(e);
        }
      } else {
        ChartRecords.patient(em, patientId);
        e = Encounter.outpatient(patientId, null, user.staffId(), user.displayName(),
            AppointmentLink.departmentOf(c, user.staffId()).orElse(null), reason, clock.instant());
        em.persist(e);
      }
      em.flush();
      IdempotencyKeys.claim(c, user.staffId(), key, START, fingerprint, e.id(), user.displayName(),
          clock.instant());
      audit.recordWithin(em, AuditEvent.by(user, AuditAction.ENCOUNTER_STARTED, e.patientId(), "encounter="
          + e.id() + (appointmentId > 0 ? " appointment=" + appointmentId : ""), AuditOutcome.SUCCESS));
      return e;
    } catch (SQLException ex) {
      throw new IllegalStateException("Cannot start the encounter", ex);
    }
  }

  /** One encounter with its notes and diagnoses. */
  public EncounterView get(long encounterId, CurrentUser user) {
    EncounterView v = db.read(em -> {
      Encounter e = em.find(Encounter.class, encounterId);
      if (e == null) {
        throw DomainException.notFound();
      }
      return new EncounterView(e, diagnoses(List.of(e.id())).getOrDefault(e.id(), List.of()), notes(em, e));
    });
    audit.record(AuditEvent.by(user, AuditAction.CHART_READ, v.encounter().patientId(), "encounter="
        + encounterId, AuditOutcome.SUCCESS));
    return v;
  }

  /** The patient's encounters, newest first, with diagnoses but without notes. */
  public List<EncounterView> list(long patientId, int limit, CurrentUser user) {
    List<EncounterView> out = db.read(em -> {
      ChartRecords.patient(em, patientId);
      return recent(em, patientId, limit);
    });
    audit.record(AuditEvent.by(user, AuditAction.CHART_READ, patientId, "encounters=" + out.size(),
        AuditOutcome.SUCCESS));
    return out;
  }

  List<EncounterView> recent(EntityManager em, long patientId, int limit) {
    List<Encounter> found = em.createQuery("SELECT e FROM Encounter e WHERE e.patientId = :p"
        + " ORDER BY e.startedAt DESC, e.id DESC", Encounter.class).setParameter("p", patientId)
        .setMaxResults(limit).getResultList();
    Map<Long, List<EncounterDiagnoses.Diagnosis>> dx = diagnoses(found.stream().map(Encounter::id).toList());
    return found.stream().map(e -> new EncounterView(e, dx.getOrDefault(e.id(), List.of()), List.of())).toList();
  }

  public EncounterView end(long encounterId, long expectedVersion, CurrentUser user) {
    return view(db.inTransaction(em -> {
      Encounter e = ChartRecords.current(ChartRecords.lock(em, Encounter.class, encounterId), expectedVersion,
          Encounter::version, Encounter::updatedBy, Encounter::updatedAt);
      if (e.status() != Encounter.Status.OPEN) {
        throw DomainException.invalidTransition(e.status().name());
      }
      e.end(user.displayName(), clock.instant());
      em.flush();
      audit.recordWithin(em, AuditEvent.by(user, AuditAction.ENCOUNTER_ENDED, e.patientId(), "encounter="
          + e.id(), AuditOutcome.SUCCESS));
      return e;
    }));
  }

  /** Replaces the encounter's diagnoses (primary first), version-checked on the encounter. */
  public EncounterView setDiagnoses(long encounterId, long expectedVersion, List<EncounterDiagnoses.Diagnosis> dx,
      CurrentUser user) {
    return view(db.inTransaction(em -> {
      Encounter e = ChartRecords.current(ChartRecords.lock(em, Encounter.class, encounterId), expectedVersion,
          Encounter::version, Encounter::updatedBy, Encounter::updatedAt);
      try {
        EncounterDiagnoses.replace(em.unwrap(Connection.class), encounterId, dx);
      } catch (SQLException ex) {
        throw new IllegalStateException("Cannot set the diagnoses", ex);
      }
      e.touch(user.displayName(), clock.instant());
      em.flush();
      audit.recordWithin(em, AuditEvent.by(user, AuditAction.DIAGNOSES_SET, e.patientId(), "encounter=" + e.id()
          + " codes=" + dx.stream().map(EncounterDiagnoses.Diagnosis::code).toList(), AuditOutcome.SUCCESS));
      return e;
    }));
  }

  private EncounterView view(Encounter e) {
    return db.read(em -> new EncounterView(em.find(Encounter.class, e.id()), diagnoses(List.of(e.id()))
        .getOrDefault(e.id(), List.of()), List.of()));
  }

  /** Read on a connection of its own: reads run outside any transaction. */
  Map<Long, List<EncounterDiagnoses.Diagnosis>> diagnoses(List<Long> encounterIds) {
    try (Connection c = db.dataSource().getConnection()) {
      return EncounterDiagnoses.of(c, encounterIds);
    } catch (SQLException ex) {
      throw new IllegalStateException("Cannot read the diagnoses", ex);
    }
  }

  static List<NoteView> notes(EntityManager em, Encounter e) {
    List<ClinicalNote> notes = em.createQuery("SELECT n FROM ClinicalNote n WHERE n.encounterId = :e"
        + " ORDER BY n.createdAt, n.id", ClinicalNote.class).setParameter("e", e.id()).getResultList();
    if (notes.isEmpty()) {
      return List.of();
    }
    List<NoteAddendum> addenda = em.createQuery("SELECT a FROM NoteAddendum a WHERE a.noteId IN :ids",
        NoteAddendum.class).setParameter("ids", notes.stream().map(ClinicalNote::id).toList()).getResultList();
    return notes.stream().map(n -> new NoteView(n, addenda.stream().filter(a -> a.noteId() == n.id())
        .sorted(Comparator.comparing(NoteAddendum::addedAt).thenComparing(NoteAddendum::id)).toList())).toList();
  }
}
