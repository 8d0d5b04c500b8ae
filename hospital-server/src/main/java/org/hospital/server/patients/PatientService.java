package org.hospital.server.patients;

import jakarta.persistence.EntityManager;
import jakarta.persistence.OptimisticLockException;
import jakarta.persistence.RollbackException;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.stream.Collectors;
import org.hospital.server.persistence.UniqueViolation;
import org.hospital.server.audit.AuditAction;
import org.hospital.server.audit.AuditEvent;
import org.hospital.server.audit.AuditOutcome;
import org.hospital.server.audit.AuditTrail;
import org.hospital.server.errors.DomainException;
import org.hospital.server.idempotency.IdempotencyKeys;
import org.hospital.server.persistence.Database;
import org.hospital.server.security.CurrentUser;

/**
 * Registering, changing, reading and finding patients. Every write commits together with its audit entry;
 * every read is audited before its data is returned.
 */
public final class PatientService {

  /** Deepest result a search pages to: past this, the receptionist must narrow the search. */
  static final int MAX_RESULTS = 500;
  /** The constraint that keeps one record per national id (V3__patients.sql). */
  private static final String NATIONAL_ID_UNIQUE = "patient_national_id_unique";

  private final Database db;
  private final AuditTrail audit;
  private final Clock clock;
  private final PatientSearch search;
  private final DuplicateFinder duplicates;

  public PatientService(Database db, AuditTrail audit, Clock clock) {
    this.db = db;
    this.audit = audit;
    this.clock = clock;
    this.search = new PatientSearch(db.dataSource());
    this.duplicates = new DuplicateFinder(db.dataSource());
  }

  /** The operation a registration's idempotency key is claimed for. */
  static final String REGISTER = "register-patient";

  /**
   * Registers a patient. With a request id, a retry of a registration this user made answers with that
   * patient and writes nothing; the same id with other demographics is IDEMPOTENCY_KEY_REUSED; another user's
   * request id is theirs and never answers here. {@code confirmedNew} is not part of the request's
   * fingerprint: it confirms the same demographics after a possible-duplicates answer, which claims nothing.
   */
  RegistrationResult register(PatientDraft draft, boolean confirmedNew, Optional<String> requestId,
      CurrentUser user) {
    String fingerprint = IdempotencyKeys.fingerprint(REGISTER, draft);
    Optional<Patient> replay = requestId.flatMap(key -> registeredWith(key, fingerprint, user));
    if (replay.isPresent()) {
      audit.record(AuditEvent.by(user, AuditAction.PATIENT_READ, replay.get().id(), "registration retried",
          AuditOutcome.SUCCESS));
      return new RegistrationResult.Registered(replay.get());
    }
    if (!confirmedNew) {
      List<PatientMatch> candidates = duplicates.candidates(draft);
      if (!candidates.isEmpty()) {
        audit.record(AuditEvent.by(user, AuditAction.PATIENT_DUPLICATES_SHOWN, AuditEvent.NO_PATIENT,
            "candidates=" + ids(candidates), AuditOutcome.SUCCESS));
        return new RegistrationResult.PossibleDuplicates(candidates);
      }
    }
    try {
      return new RegistrationResult.Registered(db.inTransaction(em -> insert(em, draft, requestId, fingerprint,
          user)));
    } catch (RuntimeException e) {
      if (UniqueViolation.in(e)) {
        // A concurrent retry with the same key committed first: answer with its patient.
        Optional<Patient> winner = requestId.flatMap(key -> registeredWith(key, fingerprint, user));
        if (winner.isPresent()) {
          return new RegistrationResult.Registered(winner.get());
        }
      }
      if (UniqueViolation.of(e, NATIONAL_ID_UNIQUE)) {
        throw DomainException.alreadyExists("demographics.national_id");
      }
      throw e;
    }
  }

  private Patient insert(EntityManager em, PatientDraft draft, Optional<String> requestId, String fingerprint,
      CurrentUser user) {
    long number = ((Number) em.createNativeQuery("SELECT nextval('patient_mrn_seq')").getSingleResult())
        .longValue();
    Patient p = Patient.register(Mrn.fromSequence(number), draft, requestId.orElse(null), user.displayName(),
        clock.instant());
    em.persist(p);
    learnNames(em, p);
    em.flush();
    if (requestId.isPresent()) {
      try {
        IdempotencyKeys.claim(em.unwrap(Connection.class), user.staffId(), requestId.get(), REGISTER, fingerprint,
            p.id(), user.displayName(), clock.instant());
      } catch (SQLException e) {
        throw new IllegalStateException("Could not claim request id", e);
      }
    }
    audit.recordWithin(em, AuditEvent.by(user, AuditAction.PATIENT_REGISTERED, p.id(), "mrn=" + p.mrn(),
        AuditOutcome.SUCCESS));
    return p;
  }

  /** The patient this user registered with this request id; IDEMPOTENCY_KEY_REUSED for another request. */
  private Optional<Patient> registeredWith(String requestId, String fingerprint, CurrentUser user) {
    Optional<Long> id;
    try (Connection c = db.dataSource().getConnection()) {
      id = IdempotencyKeys.replay(c, user.staffId(), requestId, REGISTER, fingerprint);
    } catch (SQLException e) {
      throw new IllegalStateException("Could not look up request id", e);
    }
    return id.map(patientId -> db.read(em -> em.find(Patient.class, patientId)));
  }

  Patient update(long id, long expectedVersion, PatientDraft draft, CurrentUser user) {
    try {
      return db.inTransaction(em -> {
        Patient p = em.find(Patient.class, id);
        if (p == null) {
          throw DomainException.notFound();
        }
        if (p.version() != expectedVersion) {
          throw DomainException.stale(p.updatedBy(), p.updatedAt(), p.version());
        }
        p.apply(draft, user.displayName(), clock.instant());
        learnNames(em, p);
        em.flush();
        audit.recordWithin(em, AuditEvent.by(user, AuditAction.PATIENT_UPDATED, id, "version=" + expectedVersion,
            AuditOutcome.SUCCESS));
        return p;
      });
    } catch (RuntimeException e) {
      if (causedBy(e, OptimisticLockException.class)) {
        // Someone committed between our read and our write: tell the user who, from the row as it is now.
        Patient now = db.read(em -> em.find(Patient.class, id));
        throw DomainException.stale(now.updatedBy(), now.updatedAt(), now.version());
      }
      if (UniqueViolation.of(e, NATIONAL_ID_UNIQUE)) {
        throw DomainException.alreadyExists("demographics.national_id");
      }
      throw e;
    }
  }

  Patient get(long id, CurrentUser user) {
    return audited(db.read(em -> Optional.ofNullable(em.find(Patient.class, id))), user);
  }

  Patient getByMrn(String mrn, CurrentUser user) {
    return audited(db.read(em -> em.createQuery("SELECT p FROM Patient p WHERE p.mrn = :mrn", Patient.class)
        .setParameter("mrn", mrn).getResultStream().findFirst()), user);
  }

  private Patient audited(Optional<Patient> found, CurrentUser user) {
    Patient p = found.orElseThrow(DomainException::notFound);
    audit.record(AuditEvent.by(user, AuditAction.PATIENT_READ, p.id(), "mrn=" + p.mrn(), AuditOutcome.SUCCESS));
    return p;
  }

  SearchPage search(SearchCriteria criteria, int offset, int pageSize, CurrentUser user) {
    int wanted = Math.min(offset + pageSize + 1, MAX_RESULTS + 1);
    List<PatientMatch> all = offset >= MAX_RESULTS ? List.of() : search.search(criteria, wanted);
    List<PatientMatch> page = all.size() <= offset ? List.of()
        : all.subList(offset, Math.min(all.size(), offset + pageSize));
    boolean hasMore = all.size() > offset + pageSize && offset + pageSize < MAX_RESULTS;
    audit.record(AuditEvent.by(user, AuditAction.PATIENT_SEARCHED, AuditEvent.NO_PATIENT,
        "criteria=" + criteriaKinds(criteria) + " offset=" + offset + " ids=" + ids(page), AuditOutcome.SUCCESS));
    return new SearchPage(page, offset, hasMore);
  }

  /** The patient's names into the dictionary, on the transaction's own connection. */
  private static void learnNames(EntityManager em, Patient p) {
    try {
      NameDictionary.learn(em.unwrap(Connection.class), NameDictionary.keysOf(p));
    } catch (SQLException e) {
      throw new IllegalStateException("Cannot add the patient's names to the dictionary", e);
    }
  }

  private static String criteriaKinds(SearchCriteria c) {
    List<String> kinds = new ArrayList<>();
    c.mrn().ifPresent(m -> kinds.add("mrn"));
    if (c.hasName()) {
      kinds.add("name");
    }
    c.birthDate().ifPresent(d -> kinds.add("birth_date"));
    c.phoneDigits().ifPresent(p -> kinds.add("phone"));
    return String.join(",", kinds);
  }

  private static String ids(List<PatientMatch> matches) {
    return matches.stream().map(m -> Long.toString(m.row().id())).collect(Collectors.joining(","));
  }


  private static boolean causedBy(Throwable e, Class<? extends Throwable> type) {
    for (Throwable t = e; t != null; t = t.getCause()) {
      if (type.isInstance(t)) {
        return true;
      }
    }
    return e instanceof RollbackException r && r.getCause() instanceof OptimisticLockException;
  }
}
