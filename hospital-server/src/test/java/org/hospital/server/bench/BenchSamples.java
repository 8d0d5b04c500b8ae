package org.hospital.server.bench;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import org.hospital.server.persistence.Database;

/** Real MRNs, names and birth dates drawn from the benchmark database, to build queries that hit. */
final class BenchSamples {

  private record Person(String mrn, String family, LocalDate birthDate, String given) {}

  private final List<Person> people;

  private BenchSamples(List<Person> people) {
    this.people = people;
  }

  static BenchSamples draw(Database db, int count) throws SQLException {
    List<Person> people = new ArrayList<>();
    try (Connection c = db.dataSource().getConnection()) {
      long max;
      try (PreparedStatement ps = c.prepareStatement("SELECT MAX(id) FROM patient");
          ResultSet rs = ps.executeQuery()) {
        rs.next();
        max = rs.getLong(1);
      }
      SplittableRandom r = new SplittableRandom(42);
      try (PreparedStatement ps = c.prepareStatement("SELECT mrn, family_name, birth_date, given_names"
          + " FROM patient WHERE id >= ? ORDER BY id LIMIT 1")) {
        for (int i = 0; i < count; i++) {
          ps.setLong(1, 1 + r.nextLong(max));
          try (ResultSet rs = ps.executeQuery()) {
            if (rs.next()) {
              people.add(new Person(rs.getString(1), rs.getString(2), rs.getObject(3, LocalDate.class),
                  rs.getString(4)));
            }
          }
        }
      }
    }
    return new BenchSamples(people);
  }

  private Person any(SplittableRandom r) {
    return people.get(r.nextInt(people.size()));
  }

  private static String firstWord(String s) {
    return s.split("[\\s-]")[0];
  }

  String prefix(SplittableRandom r) {
    String family = firstWord(any(r).family());
    return family.substring(0, Math.min(3, family.length()));
  }

  String prefixWithInitial(SplittableRandom r) {
    Person p = any(r);
    String family = firstWord(p.family());
    return family.substring(0, Math.min(4, family.length())) + " " + p.given().charAt(0);
  }

  /** A family name with one typo: a swapped pair, a dropped letter or a wrong letter. */
  String misspelled(SplittableRandom r) {
    String name = firstWord(any(r).family()).toLowerCase();
    if (name.length() < 4) {
      return name;
    }
    int i = 1 + r.nextInt(name.length() - 2);
    return switch (r.nextInt(3)) {
      case 0 -> name.substring(0, i) + name.charAt(i + 1) + name.charAt(i) + name.substring(i + 2);
      case 1 -> name.substring(0, i) + name.substring(i + 1);
      default -> name.substring(0, i) + (char) ('a' + r.nextInt(26)) + name.substring(i + 1);
    };
  }

  String mrn(SplittableRandom r) {
    return any(r).mrn();
  }

  String birthDateAndName(SplittableRandom r) {
    Person p = any(r);
    return firstWord(p.family()) + " " + p.birthDate();
  }
}
