package org.hospital.server.operations;

import io.grpc.stub.StreamObserver;
import org.hospital.proto.operations.v1.CreateBackupRequest;
import org.hospital.proto.operations.v1.CreateBackupResponse;
import org.hospital.proto.operations.v1.OperationsServiceGrpc;
import org.hospital.server.audit.AuditAction;
import org.hospital.server.audit.AuditEvent;
import org.hospital.server.audit.AuditOutcome;
import org.hospital.server.audit.AuditTrail;
import org.hospital.server.security.CurrentUser;

/** CreateBackup for administrators (the permission table admits ADMIN only); audited with what it holds. */
public final class OperationsGrpcService extends OperationsServiceGrpc.OperationsServiceImplBase {

  private final OnlineBackup backups;
  private final AuditTrail audit;

  public OperationsGrpcService(OnlineBackup backups, AuditTrail audit) {
    this.backups = backups;
    this.audit = audit;
  }

  @Override
  public void createBackup(CreateBackupRequest request, StreamObserver<CreateBackupResponse> response) {
    OnlineBackup.Made made = backups.create();
    audit.record(AuditEvent.by(CurrentUser.get(), AuditAction.BACKUP_CREATED, AuditEvent.NO_PATIENT,
        "directory=" + made.directory() + " audit.last.sequence=" + made.manifest().getAuditLastSequence()
            + " files=" + made.manifest().getFilesCount() + " pruned=" + made.pruned().size(),
        AuditOutcome.SUCCESS));
    response.onNext(CreateBackupResponse.newBuilder().setDirectory(made.directory().toString())
        .setManifest(made.manifest()).build());
    response.onCompleted();
  }
}
