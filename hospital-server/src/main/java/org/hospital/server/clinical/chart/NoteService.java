package org.hospital.server.clinical.chart;

import jakarta.persistence.EntityManager;
import java.time.Clock;
import java.util.List;
import org.hospital.server.audit.AuditAction;
import org.hospital.server.audit.AuditEvent;
import org.hospital.server.audit.AuditOutcome;
import org.hospital.server.audit.AuditTrail;
import org.hospital.server.errors.DomainException;
import org.hospital.server.persistence.Database;
import org.hospital.server.security.CurrentUser;

/**
 * Writing, signing and adding to notes. A draft is its author's alone; a signed note never changes, and
 * anyone who may write notes adds to it by addendum, which keeps the original and says who and when.
 */
public final class NoteService {

  private final Database db;
  private final AuditTrail audit;
  private final Clock clock;

  public NoteService(Database db, AuditTrail audit, Clock clock) {
    this.db = db;
    this.audit = audit;
    this.clock = clock;
  }

  /** Creates a draft ({@code noteId} 0) or changes the caller's own draft. */
  public NoteView save(long encounterId, long noteId, long expectedVersion, NoteContent content,
      CurrentUser user) {
    return db.inTransaction(em -> {
      ClinicalNote n;
      if (noteId == 0) {
        Encounter e = em.find(Encounter.class, encounterId);
        if (e == null) {
          throw ChartFailures.unknownId("encounter_id");
        }
        n = ClinicalNote.draft(e, content, user.staffId(), user.displayName(), clock.instant());
        em.persist(n);
      } else {
        n = draftOf(em, noteId, expectedVersion, user);
        if (n.encounterId() != encounterId) {
          throw ChartFailures.unknownId("note_id");
        }
        n.revise(content, clock.instant());
      }
      em.flush();
      audit.recordWithin(em, AuditEvent.by(user, AuditAction.NOTE_SAVED, n.patientId(), "note=" + n.id()
          + " encounter=" + n.encounterId(), AuditOutcome.SUCCESS));
      return new NoteView(n, List.of());
    });
  }

  public NoteView sign(long noteId, long expectedVersion, CurrentUser user) {
    return db.inTransaction(em -> {
      ClinicalNote n = draftOf(em, noteId, expectedVersion, user);
      n.sign(clock.instant());
      em.flush();
      audit.recordWithin(em, AuditEvent.by(user, AuditAction.NOTE_SIGNED, n.patientId(), "note=" + n.id(),
          AuditOutcome.SUCCESS));
      return new NoteView(n, List.of());
    });
  }

  public NoteView addAddendum(long noteId, String text, CurrentUser user) {
    return db.inTransaction(em -> {
      ClinicalNote n = ChartRecords.lock(em, ClinicalNote.class, noteId);
      if (n.status() != ClinicalNote.Status.SIGNED) {
        // a draft is simply edited
        throw DomainException.invalidTransition(n.status().name());
      }
      em.persist(new NoteAddendum(n.id(), text, user.staffId(), user.displayName(), clock.instant()));
      em.flush();
      audit.recordWithin(em, AuditEvent.by(user, AuditAction.NOTE_ADDENDUM_ADDED, n.patientId(), "note=" + n.id(),
          AuditOutcome.SUCCESS));
      return new NoteView(n, em.createQuery("SELECT a FROM NoteAddendum a WHERE a.noteId = :n ORDER BY a.addedAt,"
          + " a.id", NoteAddendum.class).setParameter("n", n.id()).getResultList());
    });
  }

  /** The caller's own draft at the version they saw; a signed note is INVALID_TRANSITION. */
  private static ClinicalNote draftOf(EntityManager em, long noteId, long expectedVersion, CurrentUser user) {
    ClinicalNote n = ChartRecords.lock(em, ClinicalNote.class, noteId);
    if (n.status() != ClinicalNote.Status.DRAFT) {
      throw DomainException.invalidTransition(n.status().name());
    }
    if (n.authorId() != user.staffId()) {
      throw DomainException.permissionDenied();
    }
    return ChartRecords.current(n, expectedVersion, ClinicalNote::version, ClinicalNote::authorName,
        ClinicalNote::updatedAt);
  }
}
