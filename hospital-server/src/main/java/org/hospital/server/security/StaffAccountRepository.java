package org.hospital.server.security;

import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import java.util.List;
import java.util.Optional;
import org.hospital.server.persistence.Database;

/** Staff accounts by username or id. */
final class StaffAccountRepository {

  private final Database db;

  StaffAccountRepository(Database db) {
    this.db = db;
  }

  Optional<StaffAccount> findByUsername(String username) {
    return db.read(em -> em.createQuery("select a from StaffAccount a where a.username = :u", StaffAccount.class)
        .setParameter("u", username)
        .getResultStream().findFirst());
  }

  Optional<StaffAccount> findById(long id) {
    return db.read(em -> Optional.ofNullable(em.find(StaffAccount.class, id)));
  }

  List<StaffAccount> all() {
    return db.read(em -> em.createQuery("select a from StaffAccount a", StaffAccount.class).getResultList());
  }

  boolean exists(String username) {
    return db.read(em -> em.createQuery("select count(a) from StaffAccount a where a.username = :u", Long.class)
        .setParameter("u", username)
        .getSingleResult() > 0);
  }

  /**
   * The account with its row locked until the transaction ends (SELECT ... FOR UPDATE), so that concurrent
   * logins, on this or another server instance, count failures one after the other.
   */
  static StaffAccount lockForUpdate(EntityManager em, long id) {
    return em.find(StaffAccount.class, id, LockModeType.PESSIMISTIC_WRITE);
  }

  static void insert(EntityManager em, StaffAccount account) {
    em.persist(account);
    em.flush();
  }
}
