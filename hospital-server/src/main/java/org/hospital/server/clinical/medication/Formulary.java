package org.hospital.server.clinical.medication;

import java.math.BigDecimal;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.hospital.server.clinical.reference.DrugSubstanceList;
import org.hospital.server.persistence.Database;

/**
 * The formulary's products: seeded from the shipped list, added to by administrators, searched as prescribers
 * type. Products never change once added, so each is cached after its first read; a product another server
 * instance added is read from the database on first use.
 */
public final class Formulary {

  static final String SEEDED_BY = "formulary seed";

  private final Database db;
  private final Clock clock;
  private final Map<Long, FormularyProduct> byId = new ConcurrentHashMap<>();

  public Formulary(Database db, Clock clock) {
    this.db = db;
    this.clock = clock;
  }

  /** Adds the shipped products whose code is not in the table yet; returns how many were added. */
  public int seed() {
    List<FormularyProduct.Details> shipped = shipped();
    return db.inTransaction(em -> {
      Set<String> present = new HashSet<>(em.createQuery("SELECT p.code FROM FormularyProduct p", String.class)
          .getResultList());
      int added = 0;
      for (FormularyProduct.Details d : shipped) {
        if (!present.contains(d.code())) {
          em.persist(FormularyProduct.of(d, SEEDED_BY, clock.instant()));
          added++;
        }
      }
      return added;
    });
  }

  public Optional<FormularyProduct> product(long id) {
    FormularyProduct cached = byId.get(id);
    if (cached != null) {
      return Optional.of(cached);
    }
    FormularyProduct p = db.read(em -> em.find(FormularyProduct.class, id));
    if (p != null) {
      byId.put(id, p);
    }
    return Optional.ofNullable(p);
  }

  /**
   * Products for what is being typed: a scanned barcode exactly, else names and ingredients containing every
   * word, those whose name starts with the first word first, then shorter names.
   */
  public List<FormularyProduct> search(String query, int limit) {
    // LIKE wildcards typed by the user are not wildcards here
    String q = query.replaceAll("[%_\\\\]", " ").trim().toLowerCase(Locale.ROOT);
    if (q.isEmpty()) {
      return List.of();
    }
    if (q.matches("\\d{8,14}")) {
      return db.read(em -> em.createQuery("SELECT p FROM FormularyProduct p WHERE p.barcode = :b",
          FormularyProduct.class).setParameter("b", q).getResultList());
    }
    String[] words = q.split("\\s+");
    List<FormularyProduct> candidates = db.read(em -> em.createQuery("SELECT p FROM FormularyProduct p WHERE"
        + " LOWER(p.name) LIKE :w OR p.ingredients LIKE :w", FormularyProduct.class)
        .setParameter("w", "%" + words[0] + "%").getResultList());
    List<FormularyProduct> matching = new ArrayList<>();
    for (FormularyProduct p : candidates) {
      String text = p.name().toLowerCase(Locale.ROOT) + " " + String.join(" ", p.ingredients());
      boolean all = true;
      for (String w : words) {
        all &= text.contains(w);
      }
      if (all) {
        matching.add(p);
      }
    }
    matching.sort(Comparator.comparing((FormularyProduct p) -> !p.name().toLowerCase(Locale.ROOT)
        .startsWith(words[0])).thenComparing(p -> p.name().length()).thenComparing(FormularyProduct::name));
    return matching.subList(0, Math.min(limit, matching.size()));
  }

  /** Adds a product; the caller has checked its fields. */
  public FormularyProduct add(FormularyProduct.Details d, String by) {
    FormularyProduct p = db.inTransaction(em -> {
      FormularyProduct created = FormularyProduct.of(d, by, clock.instant());
      em.persist(created);
      em.flush();
      return created;
    });
    byId.put(p.id(), p);
    return p;
  }

  static List<FormularyProduct.Details> shipped() {
    List<FormularyProduct.Details> out = new ArrayList<>();
    for (List<String> f : DrugSubstanceList.rows("formulary.csv")) {
      out.add(new FormularyProduct.Details(f.get(0), blank(f.get(1)), f.get(2), List.of(f.get(3).split(";")),
          blank(f.get(4)), blank(f.get(5)), blank(f.get(6)), blank(f.get(7)), blank(f.get(8)), number(f.get(9)),
          number(f.get(10)), number(f.get(11))));
    }
    return out;
  }

  private static String blank(String s) {
    return s.isEmpty() ? null : s;
  }

  private static BigDecimal number(String s) {
    return s.isEmpty() ? null : new BigDecimal(s);
  }
}
