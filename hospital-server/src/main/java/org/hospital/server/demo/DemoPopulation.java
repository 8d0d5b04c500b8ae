package org.hospital.server.demo;

import java.time.LocalDate;
import java.util.Iterator;
import java.util.NoSuchElementException;
import java.util.Optional;
import java.util.SplittableRandom;
import org.hospital.server.patients.PatientDraft;
import org.hospital.server.patients.Sex;

/**
 * A reproducible synthetic population for demos and benchmarks: common and international names (with
 * accents), some double-barrelled family names, ages from newborn to 100, phone numbers, addresses and, for a
 * third of them, a national id. Popular names come up more often, as they do in real registers.
 */
public final class DemoPopulation implements Iterator<PatientDraft> {

  static final String[] FAMILY = {
      "Smith", "Johnson", "Williams", "Brown", "Jones", "Garcia", "Miller", "Davis", "Rodriguez", "Martinez",
      "Hernandez", "Lopez", "Gonzalez", "Wilson", "Anderson", "Thomas", "Taylor", "Moore", "Jackson", "Martin",
      "Lee", "Perez", "Thompson", "White", "Harris", "Sanchez", "Clark", "Ramirez", "Lewis", "Robinson",
      "Walker", "Young", "Allen", "King", "Wright", "Scott", "Torres", "Nguyen", "Hill", "Flores", "Green",
      "Adams", "Nelson", "Baker", "Hall", "Rivera", "Campbell", "Mitchell", "Carter", "Roberts", "Gomez",
      "Phillips", "Evans", "Turner", "Diaz", "Parker", "Cruz", "Edwards", "Collins", "Reyes", "Stewart",
      "Morris", "Morales", "Murphy", "Cook", "Rogers", "Gutierrez", "Ortiz", "Morgan", "Cooper", "Peterson",
      "Bailey", "Reed", "Kelly", "Howard", "Ramos", "Kim", "Cox", "Ward", "Richardson", "Watson", "Brooks",
      "Chavez", "Wood", "James", "Bennett", "Gray", "Mendoza", "Ruiz", "Hughes", "Price", "Alvarez", "Castillo",
      "Sanders", "Patel", "Myers", "Long", "Ross", "Foster", "Jiménez", "O'Brien", "O'Connor", "McCarthy",
      "Müller", "Schmidt", "Schneider", "Fischer", "Weber", "Meyer", "Wagner", "Becker", "Schäfer", "Koch",
      "Nováková", "Novák", "Svoboda", "Dvořák", "Černý", "Procházka", "Kučera", "Veselý", "Horák", "Němec",
      "Kowalski", "Wiśniewski", "Wójcik", "Łukasiewicz", "Zieliński", "Szymański", "Woźniak", "Dąbrowski",
      "Rossi", "Russo", "Ferrari", "Esposito", "Bianchi", "Romano", "Colombo", "Ricci", "Marino", "Greco",
      "Dubois", "Lefèvre", "Moreau", "Laurent", "Girard", "Bonnet", "François", "Mercier", "Fontaine",
      "Jensen", "Nielsen", "Hansen", "Pedersen", "Andersen", "Sørensen", "Larsen", "Østergaard", "Ødegård",
      "Silva", "Santos", "Oliveira", "Souza", "Pereira", "Costa", "Ferreira", "Conceição", "Gonçalves",
      "Yilmaz", "Kaya", "Demir", "Şahin", "Çelik", "Öztürk", "Wang", "Li", "Zhang", "Liu", "Chen", "Yang",
      "Tanaka", "Suzuki", "Watanabe", "Okafor", "Adeyemi", "Mensah", "Kamau", "Haddad", "Khalil", "Nasser"};

  static final String[] FEMALE = {
      "Mary", "Patricia", "Jennifer", "Linda", "Elizabeth", "Barbara", "Susan", "Jessica", "Sarah", "Karen",
      "Lisa", "Nancy", "Betty", "Margaret", "Sandra", "Ashley", "Kimberly", "Emily", "Donna", "Michelle",
      "Carol", "Amanda", "Dorothy", "Melissa", "Deborah", "Stephanie", "Rebecca", "Sharon", "Laura", "Cynthia",
      "Kathleen", "Amy", "Angela", "Shirley", "Anna", "Brenda", "Pamela", "Emma", "Nicole", "Helen", "Samantha",
      "Katherine", "Catherine", "Christine", "Debra", "Rachel", "Carolyn", "Janet", "Maria", "Olivia", "Sophia",
      "Isabella", "Mia", "Charlotte", "Amelia", "Harper", "Evelyn", "Abigail", "Chloé", "Zoë", "Renée",
      "Jiřina", "Lucie", "Tereza", "Eliška", "Małgorzata", "Agnieszka", "Zofia", "Siobhán", "Aoife", "Niamh",
      "Ingrid", "Astrid", "Björk", "Søs", "Ayşe", "Fatma", "Mei", "Yuki", "Aiko", "Chiamaka", "Amara", "Leila",
      "Fatima", "Noor", "Inês", "Beatriz", "Mary Ann", "Anne-Marie", "Marie-Louise"};

  static final String[] MALE = {
      "James", "Robert", "John", "Michael", "David", "William", "Richard", "Joseph", "Thomas", "Charles",
      "Christopher", "Daniel", "Matthew", "Anthony", "Mark", "Donald", "Steven", "Stephen", "Paul", "Andrew",
      "Joshua", "Kenneth", "Kevin", "Brian", "George", "Timothy", "Ronald", "Edward", "Jason", "Jeffrey",
      "Ryan", "Jacob", "Gary", "Nicholas", "Eric", "Jonathan", "Larry", "Justin", "Scott", "Brandon",
      "Benjamin", "Samuel", "Gregory", "Alexander", "Patrick", "Frank", "Raymond", "Jack", "Dennis", "Jerry",
      "Liam", "Noah", "Oliver", "Elijah", "Lucas", "Mason", "Logan", "Ethan", "José", "Jesús", "Ángel",
      "Jürgen", "Jörg", "Günter", "Jiří", "Tomáš", "Lukáš", "Łukasz", "Paweł", "Wojciech", "Seán", "Oisín",
      "Søren", "Bjørn", "Håkon", "Mehmet", "Mustafa", "Wei", "Hiroshi", "Kenji", "Chinedu", "Kwame", "Omar",
      "Ahmed", "João", "Gonçalo", "François", "Jean-Pierre", "Jean-Luc", "Karl Heinz"};

  static final String[][] CITIES = {
      {"Boston", "MA", "021", "US"}, {"Cambridge", "MA", "021", "US"}, {"Worcester", "MA", "016", "US"},
      {"Springfield", "MA", "011", "US"}, {"Lowell", "MA", "018", "US"}, {"Brockton", "MA", "023", "US"},
      {"New Bedford", "MA", "027", "US"}, {"Quincy", "MA", "021", "US"}, {"Lynn", "MA", "019", "US"},
      {"Newton", "MA", "024", "US"}, {"Somerville", "MA", "021", "US"}, {"Framingham", "MA", "017", "US"}};

  static final String[] STREETS = {"Main St", "Washington St", "Elm St", "Maple Ave", "Oak St", "Park Ave",
      "Pleasant St", "Highland Ave", "Summer St", "Beacon St", "Cedar St", "Chestnut St", "School St"};

  private final SplittableRandom random;
  private final long count;
  private final LocalDate today;
  private long produced;

  public DemoPopulation(long seed, long count, LocalDate today) {
    this.random = new SplittableRandom(seed);
    this.count = count;
    this.today = today;
  }

  @Override
  public boolean hasNext() {
    return produced < count;
  }

  @Override
  public PatientDraft next() {
    if (!hasNext()) {
      throw new NoSuchElementException();
    }
    long index = produced++;
    boolean female = random.nextBoolean();
    String family = popular(FAMILY);
    if (random.nextInt(5) == 0) {
      family = family + "-" + popular(FAMILY);
    }
    String given = popular(female ? FEMALE : MALE);
    LocalDate birth = today.minusDays(random.nextInt(100 * 365));
    String[] city = CITIES[random.nextInt(CITIES.length)];
    String phone = String.format("+1 %03d %03d %04d", 201 + random.nextInt(780), random.nextInt(1000),
        random.nextInt(10000));
    Optional<String> nationalId = random.nextInt(3) == 0 ? Optional.of(nationalId(index)) : Optional.empty();
    var address = new PatientDraft.Address(
        Optional.of((1 + random.nextInt(400)) + " " + STREETS[random.nextInt(STREETS.length)]),
        Optional.empty(), Optional.of(city[0]), Optional.of(city[1]),
        Optional.of(city[2] + String.format("%02d", random.nextInt(100))), Optional.of(city[3]));
    return new PatientDraft(family, given, birth, female ? Sex.FEMALE : Sex.MALE, Optional.of(phone), nationalId,
        Optional.empty(), address);
  }

  /** Skewed towards the front of the list, roughly as surnames are distributed. */
  private String popular(String[] names) {
    double u = random.nextDouble();
    return names[(int) (names.length * u * u)];
  }

  /** Unique per index: a bijection of 0..10^9 onto itself, written as a US-style social security number. */
  static String nationalId(long index) {
    long n = Math.floorMod(index * 982_451_653L + 123_456_789L, 1_000_000_000L);
    String digits = String.format("%09d", n);
    return digits.substring(0, 3) + "-" + digits.substring(3, 5) + "-" + digits.substring(5);
  }
}
