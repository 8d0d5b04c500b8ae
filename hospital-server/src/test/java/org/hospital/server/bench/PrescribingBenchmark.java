package org.hospital.server.bench;

import io.grpc.CallCredentials;
import io.grpc.Grpc;
import io.grpc.ManagedChannel;
import io.grpc.TlsChannelCredentials;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.hospital.proto.auth.v1.AuthServiceGrpc;
import org.hospital.proto.auth.v1.LoginRequest;
import org.hospital.proto.clinical.v1.AlertOverride;
import org.hospital.proto.clinical.v1.AllergyCategory;
import org.hospital.proto.clinical.v1.ChartServiceGrpc;
import org.hospital.proto.clinical.v1.CheckPrescriptionRequest;
import org.hospital.proto.clinical.v1.FormularyProduct;
import org.hospital.proto.clinical.v1.Frequency;
import org.hospital.proto.clinical.v1.GetChartSummaryRequest;
import org.hospital.proto.clinical.v1.ListMedicationsRequest;
import org.hospital.proto.clinical.v1.MedicationServiceGrpc;
import org.hospital.proto.clinical.v1.MedicationSetting;
import org.hospital.proto.clinical.v1.PrescribingAlert;
import org.hospital.proto.clinical.v1.Prescription;
import org.hospital.proto.clinical.v1.PrescriptionOrder;
import org.hospital.proto.clinical.v1.RecordAllergyRequest;
import org.hospital.proto.clinical.v1.SearchFormularyRequest;
import org.hospital.proto.clinical.v1.SignPrescriptionRequest;
import org.hospital.proto.clinical.v1.StopPrescriptionRequest;
import org.hospital.proto.clinical.v1.StopReason;
import org.hospital.server.HospitalServer;
import org.hospital.server.config.ConfigLoader;
import org.hospital.server.config.ServerConfig;
import org.hospital.server.demo.DemoPopulation;
import org.hospital.server.patients.PatientBulkLoader;
import org.hospital.server.testing.BearerToken;

/**
 * Prescribing and opening a long chart, at the client over TLS on loopback: signing a prescription with every
 * check against 20 active prescriptions and 5 drug allergies (each signed one is stopped again, untimed, so the
 * active list stays at 20), checking it, and for a patient with 1,000 encounters, 200 problems and 300
 * prescriptions, the chart summary and the medication list. The register holds the given number of patients
 * (default 1,000,000), generated once and kept (H2 file under target/bench, PostgreSQL database
 * hospital_rx_bench_&lt;patients&gt;); each run works on two patients no earlier run has touched.
 * Usage: {@code bin/bench prescribing [h2|postgresql] [calls, default 300] [patients, default 1000000]}.
 */
public final class PrescribingBenchmark {

  private static final List<String> ALLERGIES = List.of("penicillins", "sulfonamides", "macrolides", "heparins",
      "opioids");

  public static void main(String[] args) throws Exception {
    String kind = args.length > 0 ? args[0] : "h2";
    int calls = args.length > 1 ? Integer.parseInt(args[1]) : 300;
    long population = args.length > 2 ? Long.parseLong(args[2]) : 1_000_000;
    Path dir = Path.of("target", "bench", "rx-" + kind + "-" + population).toAbsolutePath();
    Files.createDirectories(dir);
    List<String> options = new ArrayList<>(List.of("--data.dir=" + dir, "--port=0", "--bind=127.0.0.1",
        "--demo.data=true", "--demo.patients=0", "--demo.outside.records=false"));
    if (kind.equals("postgresql")) {
      options.add("--db.url=" + BenchDatabase.ensurePostgres("hospital_rx_bench_" + population));
      options.add("--db.user=postgres");
    }
    ServerConfig config = ConfigLoader.load(options.toArray(String[]::new), Map.of());
    try (HospitalServer server = HospitalServer.start(config, Clock.systemUTC())) {
      PatientBulkLoader loader = new PatientBulkLoader(server.database());
      long have = loader.count();
      if (have < population) {
        long t = System.nanoTime();
        loader.load(new DemoPopulation(have + 1, population - have, LocalDate.of(2026, 11, 1)), "Benchmark data");
        System.out.printf("Generated %,d patients in %.1f s%n", population - have, (System.nanoTime() - t) / 1e9);
      }
      ManagedChannel channel = Grpc.newChannelBuilder("localhost:" + server.port(), TlsChannelCredentials
          .newBuilder().trustManager(server.caCertificate().orElseThrow().toFile()).build()).build();
      try {
        CallCredentials doctor = login(channel, "doctor");
        var meds = MedicationServiceGrpc.newBlockingStub(channel).withCallCredentials(doctor);
        var chart = ChartServiceGrpc.newBlockingStub(channel).withCallCredentials(doctor);
        List<Long> patients = untouchedPatients(server);
        long patient = patients.get(0);
        for (String a : ALLERGIES) {
          chart.recordAllergy(RecordAllergyRequest.newBuilder().setPatientId(patient)
              .setCategory(AllergyCategory.ALLERGY_DRUG).setSubstanceCode(a).build());
        }
        List<FormularyProduct> oral = new ArrayList<>();
        for (String q : List.of("lisinopril 10", "metformin", "amlodipine", "simvastatin 20", "hydrochlorothiazide 25",
            "clopidogrel 75", "warfarin", "digoxin", "furosemide 40", "metoprolol", "carvedilol 25", "losartan",
            "fluoxetine", "loratadine 10", "alendronic", "verapamil", "prednisone", "diazepam", "atorvastatin 10",
            "acetaminophen 500")) {
          oral.add(meds.searchFormulary(SearchFormularyRequest.newBuilder().setQuery(q).build()).getProducts(0));
        }
        for (FormularyProduct p : oral) {
          sign(meds, order(patient, p));
        }
        FormularyProduct probe = meds.searchFormulary(SearchFormularyRequest.newBuilder().setQuery("tramadol")
            .build()).getProducts(0);
        PrescriptionOrder order = order(patient, probe);
        LatencyRecorder check = new LatencyRecorder();
        LatencyRecorder signing = new LatencyRecorder();
        int alerts = 0;
        for (int i = 0; i < calls + 30; i++) {
          long t0 = System.nanoTime();
          List<PrescribingAlert> found = meds.checkPrescription(CheckPrescriptionRequest.newBuilder().setOrder(order)
              .build()).getAlertsList();
          long t1 = System.nanoTime();
          SignPrescriptionRequest request = withOverrides(order, found);
          long t2 = System.nanoTime();
          Prescription p = meds.signPrescription(request);
          long t3 = System.nanoTime();
          meds.stopPrescription(StopPrescriptionRequest.newBuilder().setPrescriptionId(p.getId())
              .setExpectedVersion(p.getVersion()).setReason(StopReason.STOP_ENTERED_IN_ERROR).build());
          if (i >= 30) { // warm-up first
            check.add(t1 - t0);
            signing.add(t3 - t2);
            alerts = found.size();
          }
        }

        long longPatient = patients.get(1);
        long start = System.nanoTime();
        longHistory(server, longPatient, oral);
        double loadSeconds = (System.nanoTime() - start) / 1e9;
        LatencyRecorder summary = new LatencyRecorder();
        LatencyRecorder list = new LatencyRecorder();
        int listed = 0;
        for (int i = 0; i < calls + 30; i++) {
          long t0 = System.nanoTime();
          chart.getChartSummary(GetChartSummaryRequest.newBuilder().setPatientId(longPatient).build());
          long t1 = System.nanoTime();
          listed = meds.listMedications(ListMedicationsRequest.newBuilder().setPatientId(longPatient).build())
              .getPrescriptionsCount();
          long t2 = System.nanoTime();
          if (i >= 30) {
            summary.add(t1 - t0);
            list.add(t2 - t1);
          }
        }
        System.out.printf("%s, %,d patients, %d calls per row after 30 warm-up; %d cores; long history loaded in"
            + " %.1f s%n%n", kind, loader.count(), calls, Runtime.getRuntime().availableProcessors(), loadSeconds);
        System.out.println("| call | p50 ms | p95 ms |");
        System.out.println("|---|---:|---:|");
        row("SignPrescription, 20 active, 5 drug allergies (" + alerts + " alerts overridden)", signing);
        row("CheckPrescription, same patient", check);
        row("GetChartSummary, 1,000 encounters, 200 problems", summary);
        row("ListMedications, " + listed + " prescriptions", list);
      } finally {
        channel.shutdownNow();
      }
    }
  }

  private static void row(String name, LatencyRecorder r) {
    System.out.printf("| %s | %.1f | %.1f |%n", name, r.percentileMillis(50), r.percentileMillis(95));
  }

  private static CallCredentials login(ManagedChannel channel, String user) {
    return BearerToken.of(AuthServiceGrpc.newBlockingStub(channel).login(LoginRequest.newBuilder().setUsername(user)
        .setPassword(org.hospital.server.demo.DemoData.PASSWORD).setWorkstation("bench").build()).getSessionToken());
  }

  private static PrescriptionOrder order(long patient, FormularyProduct p) {
    return PrescriptionOrder.newBuilder().setPatientId(patient).setProductId(p.getId())
        .setSetting(MedicationSetting.MEDICATION_OUTPATIENT).setDose(p.getDoseMin() > 0 ? p.getDoseMin() : 1)
        .setDoseUnit(p.getDoseUnit().isEmpty() ? "tablet" : p.getDoseUnit()).setRoute("oral")
        .setFrequency(Frequency.DAILY).setDurationDays(90).setQuantity(90).setQuantityUnit("tablets").build();
  }

  private static void sign(MedicationServiceGrpc.MedicationServiceBlockingStub meds, PrescriptionOrder order) {
    meds.signPrescription(withOverrides(order, meds.checkPrescription(CheckPrescriptionRequest.newBuilder()
        .setOrder(order).build()).getAlertsList()));
  }

  private static SignPrescriptionRequest withOverrides(PrescriptionOrder order, List<PrescribingAlert> alerts) {
    SignPrescriptionRequest.Builder b = SignPrescriptionRequest.newBuilder()
        .setIdempotencyKey(UUID.randomUUID().toString()).setOrder(order);
    for (PrescribingAlert a : alerts) {
      if (a.getInterruptive()) {
        b.addOverrides(AlertOverride.newBuilder().setAlertKey(a.getKey()).setReason("benchmark override"));
      }
    }
    return b.build();
  }

  /** Two patients with nothing on their charts yet: the newest registered that no earlier run used. */
  private static List<Long> untouchedPatients(HospitalServer server) throws Exception {
    List<Long> ids = new ArrayList<>();
    try (Connection c = server.database().dataSource().getConnection();
        PreparedStatement ps = c.prepareStatement("SELECT id FROM patient p WHERE NOT EXISTS (SELECT 1 FROM"
            + " allergy a WHERE a.patient_id = p.id) AND NOT EXISTS (SELECT 1 FROM encounter e WHERE"
            + " e.patient_id = p.id) ORDER BY id DESC FETCH FIRST 2 ROWS ONLY");
        ResultSet rs = ps.executeQuery()) {
      while (rs.next()) {
        ids.add(rs.getLong(1));
      }
    }
    return ids;
  }

  /** 1,000 ended encounters, 200 problems (resolved but 20) and 300 stopped prescriptions, written directly. */
  private static void longHistory(HospitalServer server, long patient, List<FormularyProduct> products)
      throws Exception {
    try (Connection c = server.database().dataSource().getConnection()) {
      c.setAutoCommit(false);
      long staff;
      try (PreparedStatement ps = c.prepareStatement("SELECT id FROM staff_account WHERE username = 'doctor'");
          ResultSet rs = ps.executeQuery()) {
        rs.next();
        staff = rs.getLong(1);
      }
      long base;
      try (PreparedStatement ps = c.prepareStatement("SELECT COUNT(*) FROM encounter WHERE updated_by = 'bench'");
          ResultSet rs = ps.executeQuery()) {
        rs.next();
        base = 9_000_000 + rs.getLong(1) * 10; // ids above the sequence's, apart from earlier runs' rows
      }
      Instant first = Instant.now().minus(3000, ChronoUnit.DAYS).truncatedTo(ChronoUnit.SECONDS);
      try (PreparedStatement ps = c.prepareStatement("INSERT INTO encounter (id, patient_id, kind, status,"
          + " clinician_id, clinician_name, started_at, ended_at, reason, version, updated_at, updated_by)"
          + " VALUES (?, ?, 'OUTPATIENT', 'ENDED', ?, 'Dr. Daniel Doctor', ?, ?, 'Follow-up', 1, ?, 'bench')")) {
        for (int i = 0; i < 1000; i++) {
          var at = first.plus(i * 3L, ChronoUnit.DAYS).atOffset(ZoneOffset.UTC);
          ps.setLong(1, base + i);
          ps.setLong(2, patient);
          ps.setLong(3, staff);
          ps.setObject(4, at);
          ps.setObject(5, at.plusMinutes(20));
          ps.setObject(6, at);
          ps.addBatch();
        }
        ps.executeBatch();
      }
      try (PreparedStatement ps = c.prepareStatement("INSERT INTO problem (id, patient_id, code, title, status,"
          + " active_code, recorded_by, recorded_at, updated_by, updated_at, version) VALUES (?, ?, ?, ?, ?, ?,"
          + " 'bench', ?, 'bench', ?, 1)")) {
        for (int i = 0; i < 200; i++) {
          boolean active = i < 20;
          String code = "Z" + (10 + i / 10) + (i % 10);
          ps.setLong(1, base + 2000 + i);
          ps.setLong(2, patient);
          ps.setString(3, code);
          ps.setString(4, "Benchmark problem " + i);
          ps.setString(5, active ? "ACTIVE" : "RESOLVED");
          ps.setString(6, active ? code : null);
          ps.setObject(7, first.atOffset(ZoneOffset.UTC));
          ps.setObject(8, first.plus(i, ChronoUnit.DAYS).atOffset(ZoneOffset.UTC));
          ps.addBatch();
        }
        ps.executeBatch();
      }
      try (PreparedStatement ps = c.prepareStatement("INSERT INTO prescription (id, patient_id, product_id,"
          + " setting, dose, dose_unit, route, frequency, start_date, end_date, refills, status, stop_reason,"
          + " stopped_by, stopped_at, prescriber_id, prescriber_name, signed_at, print_count, version, updated_by,"
          + " updated_at) VALUES (?, ?, ?, 'OUTPATIENT', 1, 'tablet', 'oral', 'DAILY', ?, ?, 0, 'STOPPED',"
          + " 'COMPLETED', 'bench', ?, ?, 'Dr. Daniel Doctor', ?, 0, 1, 'bench', ?)")) {
        for (int i = 0; i < 300; i++) {
          var at = first.plus(i * 10L, ChronoUnit.DAYS).atOffset(ZoneOffset.UTC);
          ps.setLong(1, base + 3000 + i);
          ps.setLong(2, patient);
          ps.setLong(3, products.get(i % products.size()).getId());
          ps.setObject(4, at.toLocalDate());
          ps.setObject(5, at.toLocalDate().plusDays(9));
          ps.setObject(6, at.plusDays(9));
          ps.setLong(7, staff);
          ps.setObject(8, at);
          ps.setObject(9, at);
          ps.addBatch();
        }
        ps.executeBatch();
      }
      c.commit();
    }
  }
}
