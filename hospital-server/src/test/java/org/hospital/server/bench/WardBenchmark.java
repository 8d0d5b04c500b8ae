package org.hospital.server.bench;

import io.grpc.Grpc;
import io.grpc.ManagedChannel;
import io.grpc.TlsChannelCredentials;
import io.grpc.stub.StreamObserver;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.hospital.proto.auth.v1.AuthServiceGrpc;
import org.hospital.proto.auth.v1.LoginRequest;
import org.hospital.proto.wards.v1.AdmitPatientRequest;
import org.hospital.proto.wards.v1.BedBoardUpdate;
import org.hospital.proto.wards.v1.Consciousness;
import org.hospital.proto.wards.v1.DischargeDestination;
import org.hospital.proto.wards.v1.DischargePatientRequest;
import org.hospital.proto.wards.v1.MarkBedCleanRequest;
import org.hospital.proto.wards.v1.Observations;
import org.hospital.proto.wards.v1.RecordVitalsRequest;
import org.hospital.proto.wards.v1.Stay;
import org.hospital.proto.wards.v1.SubscribeBedBoardRequest;
import org.hospital.proto.wards.v1.WardServiceGrpc;
import org.hospital.server.testing.BearerToken;
import org.hospital.server.testing.TestHospitalServer;

/**
 * The ward's writes through the real server over TLS, one desk at a time: admission, a set of vital signs
 * (with NEWS2 and the board's tile read in the transaction), discharge, and the time from sending a vitals
 * call to its event reaching every subscriber of the bed board. Rounds of admissions fill the demo wards'
 * free beds and empty them again.
 *
 * <p>{@code bin/bench ward [h2|postgresql] [rounds, default 3] [subscribers, default 50]}
 */
public final class WardBenchmark {

  public static void main(String[] args) throws Exception {
    String kind = args.length > 0 ? args[0] : "h2";
    int rounds = args.length > 1 ? Integer.parseInt(args[1]) : 3;
    int subscribers = args.length > 2 ? Integer.parseInt(args[2]) : 50;
    try (TestHospitalServer server = TestHospitalServer.start(kind, 300, Duration.ofHours(1))) {
      ManagedChannel channel = Grpc.newChannelBuilder(server.target(), TlsChannelCredentials.newBuilder()
          .trustManager(server.caCertificate().toFile()).build()).build();
      try {
        String token = AuthServiceGrpc.newBlockingStub(channel).login(LoginRequest.newBuilder().setUsername("nurse")
            .setPassword(TestHospitalServer.PASSWORD).setWorkstation("bench").build()).getSessionToken();
        var ward = WardServiceGrpc.newBlockingStub(channel).withCallCredentials(BearerToken.of(token));
        long doctor = ids(server, "SELECT id FROM staff_account WHERE username = 'doctor'").getFirst();
        Board board = new Board(subscribers);
        for (int i = 0; i < subscribers; i++) {
          WardServiceGrpc.newStub(channel).withCallCredentials(BearerToken.of(token))
              .subscribeBedBoard(SubscribeBedBoardRequest.getDefaultInstance(), board.observer());
        }
        board.awaitSnapshots();
        LatencyRecorder admit = new LatencyRecorder();
        LatencyRecorder vitals = new LatencyRecorder();
        LatencyRecorder arrival = new LatencyRecorder();
        LatencyRecorder discharge = new LatencyRecorder();
        for (int round = 0; round <= rounds; round++) {
          boolean warmUp = round == 0;
          List<Long> beds = ids(server, "SELECT id FROM bed WHERE state = 'FREE' ORDER BY id");
          List<Long> patients = ids(server, "SELECT id FROM patient WHERE id NOT IN"
              + " (SELECT patient_id FROM bed_occupancy) ORDER BY id");
          int n = Math.min(warmUp ? 20 : 100, Math.min(beds.size(), patients.size()));
          List<Stay> stays = new ArrayList<>();
          for (int i = 0; i < n; i++) {
            long t0 = System.nanoTime();
            stays.add(ward.admitPatient(AdmitPatientRequest.newBuilder().setPatientId(patients.get(i))
                .setBedId(beds.get(i)).setAdmittingDoctorId(doctor).setReason("Benchmark admission").build()));
            record(warmUp, admit, t0);
          }
          for (Stay s : stays) {
            CountDownLatch everyone = board.expect(s.getBedId());
            long t0 = System.nanoTime();
            ward.recordVitals(RecordVitalsRequest.newBuilder().setStayId(s.getId()).setObservations(Observations
                .newBuilder().setTemperatureDecicelsius(384).setPulsePerMinute(104).setSystolicMmhg(108)
                .setDiastolicMmhg(70).setRespiratoryRatePerMinute(22).setSpo2Percent(95)
                .setConsciousness(Consciousness.ALERT)).build());
            record(warmUp, vitals, t0);
            if (!everyone.await(10, TimeUnit.SECONDS)) {
              throw new IllegalStateException("a subscriber missed the event of bed " + s.getBedId());
            }
            record(warmUp, arrival, t0);
          }
          for (Stay s : stays) {
            long t0 = System.nanoTime();
            Stay out = ward.dischargePatient(DischargePatientRequest.newBuilder().setStayId(s.getId())
                .setExpectedVersion(s.getVersion()).setDestination(DischargeDestination.HOME).build());
            record(warmUp, discharge, t0);
            long version = ids(server, "SELECT version FROM bed WHERE id = " + out.getBedId()).getFirst();
            ward.markBedClean(MarkBedCleanRequest.newBuilder().setBedId(out.getBedId()).setExpectedVersion(version)
                .build());
          }
        }
        System.out.printf("%s, %d rounds of up to 100 stays, %d board subscribers, %d cores%n%n", kind, rounds,
            subscribers, Runtime.getRuntime().availableProcessors());
        System.out.println("| call | samples | p50 ms | p95 ms | p99 ms |");
        System.out.println("|---|---:|---:|---:|---:|");
        row("AdmitPatient", admit);
        row("RecordVitals", vitals);
        row("RecordVitals sent -> event at all subscribers", arrival);
        row("DischargePatient", discharge);
      } finally {
        channel.shutdownNow();
      }
    }
  }

  private static void record(boolean warmUp, LatencyRecorder r, long t0) {
    if (!warmUp) {
      r.add(System.nanoTime() - t0);
    }
  }

  private static void row(String name, LatencyRecorder r) {
    System.out.printf("| %s | %d | %.1f | %.1f | %.1f |%n", name, r.count(), r.percentileMillis(50),
        r.percentileMillis(95), r.percentileMillis(99));
  }

  private static List<Long> ids(TestHospitalServer server, String sql) throws Exception {
    List<Long> out = new ArrayList<>();
    try (Connection c = server.server().database().dataSource().getConnection();
        PreparedStatement ps = c.prepareStatement(sql); ResultSet rs = ps.executeQuery()) {
      while (rs.next()) {
        out.add(rs.getLong(1));
      }
    }
    return out;
  }

  /** The board's subscribers: each counts down the latch of the bed whose event it receives. */
  private static final class Board {
    private final CountDownLatch snapshots;
    private final int subscribers;
    private final ConcurrentHashMap<Long, CountDownLatch> waiting = new ConcurrentHashMap<>();

    Board(int subscribers) {
      this.subscribers = subscribers;
      this.snapshots = new CountDownLatch(subscribers);
    }

    CountDownLatch expect(long bedId) {
      CountDownLatch l = new CountDownLatch(subscribers);
      waiting.put(bedId, l);
      return l;
    }

    void awaitSnapshots() throws InterruptedException {
      if (!snapshots.await(30, TimeUnit.SECONDS)) {
        throw new IllegalStateException("subscribers without a snapshot");
      }
    }

    StreamObserver<BedBoardUpdate> observer() {
      return new StreamObserver<>() {
        @Override
        public void onNext(BedBoardUpdate u) {
          if (u.hasSnapshot()) {
            snapshots.countDown();
          } else if (u.hasEvent() && u.getEvent().getTile().getOccupant().hasLatestNews2()) {
            CountDownLatch l = waiting.get(u.getEvent().getTile().getBed().getId());
            if (l != null) {
              l.countDown();
            }
          }
        }

        @Override
        public void onError(Throwable t) {
        }

        @Override
        public void onCompleted() {
        }
      };
    }
  }
}
