package org.hospital.server;

import io.grpc.BindableService;
import io.grpc.Server;
import io.grpc.ServerCredentials;
import io.grpc.ServerInterceptor;
import io.grpc.ServerInterceptors;
import io.grpc.ServerServiceDefinition;
import io.grpc.InsecureServerCredentials;
import io.grpc.TlsServerCredentials;
import io.grpc.health.v1.HealthCheckResponse.ServingStatus;
import io.grpc.netty.shaded.io.grpc.netty.NettyServerBuilder;
import io.grpc.protobuf.services.HealthStatusManager;
import io.grpc.protobuf.services.ProtoReflectionServiceV1;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.time.Clock;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.logging.Logger;
import org.hospital.server.billing.BillingModule;
import org.hospital.server.audit.AuditChainVerifier;
import org.hospital.server.audit.AuditCheckpointer;
import org.hospital.server.audit.AuditGrpcService;
import org.hospital.server.audit.DatabaseAuditTrail;
import org.hospital.server.config.ServerConfig;
import org.hospital.server.demo.DemoData;
import org.hospital.server.demo.DemoPrices;
import org.hospital.server.demo.synthea.SyntheaImport;
import org.hospital.server.clinical.chart.ChartModule;
import org.hospital.server.clinical.medication.MedicationModule;
import org.hospital.server.lab.LabModule;
import org.hospital.server.clinical.reference.DrugSubstanceList;
import org.hospital.server.clinical.reference.Icd10cmCodes;
import org.hospital.server.errors.ErrorMappingInterceptor;
import org.hospital.server.security.ClinicalTextFilter;
import org.hospital.server.errors.MalformedRequests;
import org.hospital.server.errors.OversizedRequestLog;
import org.hospital.server.operations.OnlineBackup;
import org.hospital.server.operations.OperationsGrpcService;
import org.hospital.server.patients.PatientGrpcService;
import org.hospital.server.patients.PatientService;
import org.hospital.server.persistence.Database;
import org.hospital.server.reports.DayListQuery;
import org.hospital.server.reports.DayListReport;
import org.hospital.server.reports.PdfReports;
import org.hospital.server.reports.ReportGrpcService;
import org.hospital.server.live.LiveFeeds;
import org.hospital.server.metrics.ServerMetrics;
import org.hospital.server.scheduling.SchedulingModule;
import org.hospital.server.security.SecurityModule;
import org.hospital.server.security.SessionRetention;
import org.hospital.server.security.StaffAccounts;
import org.hospital.server.wards.WardModule;
import org.hospital.server.tls.CertificateAuthority;
import org.hospital.server.tls.TlsMaterial;

/**
 * The composition root: builds every part of the server from its configuration, in dependency order, and
 * takes it down again in reverse. Every service, including health and reflection, sits behind the same
 * interceptors: metrics (outermost, when on), errors, and authentication/authorization.
 */
public final class HospitalServer implements AutoCloseable {

  private static final Logger LOG = Logger.getLogger(HospitalServer.class.getName());
  public static final int MAX_MESSAGE_BYTES = 1 << 20;
  /**
   * All request headers together. A session token is a few dozen bytes; twice grpc-java's 8 KiB default
   * leaves room for proxies' headers. grpc-java clients check it before sending (the call fails on the
   * client with INTERNAL naming the limit; the connection stays up).
   */
  private static final int MAX_HEADER_BYTES = 16 * 1024;

  private final Database db;
  private final DatabaseAuditTrail audit;
  private final AuditCheckpointer checkpoints;
  private final LiveFeeds feeds;
  private final HealthStatusManager health;
  private final ExecutorService executor;
  private final Server server;
  private final TlsMaterial tls;
  private final ServerMetrics metrics;
  private final PdfReports pdfs;

  private HospitalServer(Database db, DatabaseAuditTrail audit, AuditCheckpointer checkpoints,
      LiveFeeds feeds, HealthStatusManager health, ExecutorService executor, Server server,
      TlsMaterial tls, ServerMetrics metrics, PdfReports pdfs) {
    this.pdfs = pdfs;
    this.db = db;
    this.audit = audit;
    this.checkpoints = checkpoints;
    this.feeds = feeds;
    this.health = health;
    this.executor = executor;
    this.server = server;
    this.tls = tls;
    this.metrics = metrics;
  }

  public static HospitalServer start(ServerConfig config, Clock clock) {
    // Before the database: the pool reports to the metrics only if told when it is created.
    ServerMetrics metrics = ServerMetrics.configured(config.operations()).orElse(null);
    Database db = Database.open(config.jdbcUrl(), config.dbUser(), config.dbPassword(), config.dbPoolSize(),
        metrics == null ? hc -> { } : metrics.poolTracking());
    DatabaseAuditTrail audit = new DatabaseAuditTrail(db, clock);
    LiveFeeds feeds = null;
    AuditCheckpointer checkpoints = null;
    try {
      checkpoints = new AuditCheckpointer(db.dataSource(), audit, config.auditDir(),
          config.auditCheckpointInterval(), clock);
      SecurityModule security = new SecurityModule(db, audit, config, clock);
      PatientService patients = new PatientService(db, audit, clock);
      if (config.demoData()) {
        DemoData.seedIfEmpty(db, security.staffAccounts(), config.demoPatients(), config.zone(), clock);
        DemoPrices.seedIfEmpty(db, clock);
      } else {
        refuseDemoAccounts(security.staffAccounts());
      }
      feeds = new LiveFeeds(db, clock);
      PdfReports pdfs = new PdfReports();
      BillingModule billing = new BillingModule(db, audit, pdfs, config.hospitalName(), config.billing(),
          config.zone(), clock);
      SchedulingModule scheduling = new SchedulingModule(db, audit, security.sessions(), feeds, config.zone(),
          config.checkInOpensBefore(), billing.capture(), clock);
      // The feeds' housekeeping thread is the server's one scheduler for periodic chores.
      feeds.housekeeping(SessionRetention.INTERVAL, security.sessionRetention()::purge);
      HealthStatusManager health = new HealthStatusManager();
      DrugSubstanceList substances = DrugSubstanceList.shipped();
      Icd10cmCodes icd10cm = Icd10cmCodes.shipped();
      ChartModule chart = new ChartModule(db, audit, icd10cm, substances, config.zone(), clock);
      MedicationModule medication = new MedicationModule(db, audit, substances, pdfs, config.hospitalName(),
          config.zone(), clock);
      if (config.demoData() && config.demoOutsideRecords()) {
        // after the formulary is seeded: imported prescriptions name its products
        new SyntheaImport(db, icd10cm, substances, config.zone(), clock).importIfAbsent();
      }
      WardModule wards = new WardModule(db, audit, security.sessions(), feeds, clock, pdfs);
      List<BindableService> services = List.of(
          security.authService(),
          new PatientGrpcService(patients, clock),
          scheduling.grpcService(),
          chart.grpcService(),
          medication.grpcService(),
          new ReportGrpcService(new DayListQuery(db.dataSource()), new DayListReport(pdfs), audit,
              config.zone(), clock),
          new AuditGrpcService(new AuditChainVerifier(db.dataSource()), audit),
          new OperationsGrpcService(new OnlineBackup(db, config, clock), audit),
          security.staffAdminService(),
          billing.grpcService(),
          wards.grpcService(),
          health.getHealthService(),
          ProtoReflectionServiceV1.newInstance(),
          new LabModule(db, audit, security.sessions(), feeds, pdfs, config.zone(), clock).grpcService());
      TlsMaterial tls = config.plaintext() ? null : CertificateAuthority.ensure(config.tlsDir(),
          config.tlsHostnames());
      ExecutorService executor = Executors.newFixedThreadPool(config.grpcThreads(),
          Thread.ofPlatform().name("grpc-call-", 0).daemon().factory());
      NettyServerBuilder b = NettyServerBuilder
          .forAddress(new InetSocketAddress(config.bindAddress(), config.port()), credentials(tls))
          .executor(executor)
          .maxInboundMessageSize(MAX_MESSAGE_BYTES)
          .maxInboundMetadataSize(MAX_HEADER_BYTES)
          .keepAliveTime(60, TimeUnit.SECONDS)
          .keepAliveTimeout(20, TimeUnit.SECONDS)
          .permitKeepAliveTime(20, TimeUnit.SECONDS)
          .permitKeepAliveWithoutCalls(true);
      ErrorMappingInterceptor errors = new ErrorMappingInterceptor();
      MalformedRequests malformed = new MalformedRequests();
      OversizedRequestLog.install();
      ClinicalTextFilter clinicalText = new ClinicalTextFilter();
      List<ServerInterceptor> outer = metrics == null ? List.of(errors)
          : List.of(errors, metrics.interceptor());
      for (BindableService s : services) {
        // intercept() runs the last interceptor first: metrics wrap errors wrap request parsing wraps
        // authentication wraps the clinical-text filter wraps the service, so that a request that does not
        // parse is answered like any other bad input, the filter knows who is asking, and the metrics count
        // the status the client gets
        b.addService(ServerInterceptors.intercept(malformed.wrap(
            ServerInterceptors.intercept(s, clinicalText, security.authInterceptor())), outer));
      }
      if (metrics != null) {
        metrics.watch(feeds);
        metrics.watchAuditBacklog(audit::backlog);
        metrics.serve();
      }
      Server server = b.build().start();
      health.setStatus("", ServingStatus.SERVING);
      if (tls == null) {
        LOG.warning("\n!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!\n"
            + "!!  PLAINTEXT MODE: passwords and patient data cross the network UNENCRYPTED.  !!\n"
            + "!!  Only for a single machine behind its own firewall. Never in production.    !!\n"
            + "!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!");
      }
      // Every feature's print templates compile now, in the background, so that no first print waits for it.
      pdfs.warmUp();
      return new HospitalServer(db, audit, checkpoints, feeds, health, executor, server, tls, metrics, pdfs);
    } catch (IOException e) {
      closeQuietly(feeds);
      closeQuietly(checkpoints);
      audit.close();
      db.close();
      closeQuietly(metrics);
      throw new UncheckedIOException("Cannot listen on " + config.bindAddress() + ":" + config.port(), e);
    } catch (RuntimeException e) {
      closeQuietly(feeds);
      closeQuietly(checkpoints);
      audit.close();
      db.close();
      closeQuietly(metrics);
      throw e;
    }
  }

  /** Outside demo mode, a demo account that still opens with the published password stops the start. */
  private static void refuseDemoAccounts(StaffAccounts staff) {
    List<String> open = DemoData.accountsOnTheDemoPassword(staff);
    if (!open.isEmpty()) {
      throw new DemoAccountsPresent(open);
    }
  }

  /** The start was refused: demo accounts with the published password exist and demo mode is off. */
  public static final class DemoAccountsPresent extends IllegalStateException {
    DemoAccountsPresent(List<String> usernames) {
      super("These accounts still have the published demo password: " + String.join(", ", usernames)
          + ". Remove them or change their passwords, or start in demo mode (--demo.data=true) on a demo"
          + " installation.");
    }
  }

  private static void closeQuietly(AuditCheckpointer checkpoints) {
    if (checkpoints != null) {
      checkpoints.close();
    }
  }

  private static void closeQuietly(ServerMetrics metrics) {
    if (metrics != null) {
      metrics.close();
    }
  }

  private static void closeQuietly(LiveFeeds feeds) {
    if (feeds != null) {
      feeds.close();
    }
  }

  private static ServerCredentials credentials(TlsMaterial tls) throws IOException {
    if (tls == null) {
      return InsecureServerCredentials.create();
    }
    return TlsServerCredentials.create(tls.serverCertificate().toFile(), tls.serverKey().toFile());
  }

  public int port() {
    return server.getPort();
  }

  /** The CA certificate workstations must trust; empty in plaintext mode. */
  public java.util.Optional<java.nio.file.Path> caCertificate() {
    return java.util.Optional.ofNullable(tls).map(TlsMaterial::caCertificate);
  }

  public List<ServerServiceDefinition> services() {
    return server.getServices();
  }

  /** The one PDF renderer of every feature (its template cache is warmed up at start). */
  public PdfReports pdfReports() {
    return pdfs;
  }

  public Database database() {
    return db;
  }

  /** Every live feed (for tests and monitoring). */
  public LiveFeeds liveFeeds() {
    return feeds;
  }

  /** The port {@code /metrics} listens on; empty when metrics are off. */
  public java.util.OptionalInt metricsPort() {
    return metrics == null ? java.util.OptionalInt.empty() : metrics.port();
  }

  public void awaitTermination() throws InterruptedException {
    server.awaitTermination();
  }

  /**
   * Stops taking calls, lets running ones finish (up to 10 s), then writes a last audit checkpoint and closes
   * the audit log and the database.
   */
  @Override
  public void close() {
    health.enterTerminalState();
    server.shutdown();
    // Live streams never finish on their own: end them now, so that shutdown need not wait them out.
    feeds.close();
    try {
      if (!server.awaitTermination(10, TimeUnit.SECONDS)) {
        server.shutdownNow().awaitTermination(5, TimeUnit.SECONDS);
      }
    } catch (InterruptedException e) {
      server.shutdownNow();
      Thread.currentThread().interrupt();
    }
    executor.shutdown();
    // The last checkpoint covers every entry of this run, so it goes after the calls and before the trail closes.
    checkpoints.close();
    audit.close();
    db.close();
    closeQuietly(metrics);
  }
}
