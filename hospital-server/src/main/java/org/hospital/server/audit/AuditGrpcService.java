package org.hospital.server.audit;

import io.grpc.stub.StreamObserver;
import org.hospital.proto.audit.v1.AuditServiceGrpc;
import org.hospital.proto.audit.v1.VerifyAuditChainRequest;
import org.hospital.proto.audit.v1.VerifyAuditChainResponse;
import org.hospital.server.security.CurrentUser;

/** Lets an administrator check the audit chain from a workstation; the check itself is audited too. */
public final class AuditGrpcService extends AuditServiceGrpc.AuditServiceImplBase {

  private final AuditChainVerifier verifier;
  private final AuditTrail audit;

  public AuditGrpcService(AuditChainVerifier verifier, AuditTrail audit) {
    this.verifier = verifier;
    this.audit = audit;
  }

  @Override
  public void verifyAuditChain(VerifyAuditChainRequest request,
      StreamObserver<VerifyAuditChainResponse> response) {
    AuditChainVerifier.Result result = verifier.verify();
    audit.record(AuditEvent.by(CurrentUser.get(), AuditAction.AUDIT_VERIFIED, AuditEvent.NO_PATIENT,
        result.intact() ? "intact, " + result.entriesChecked() + " entries"
            : "broken at " + result.firstBrokenSequence(),
        result.intact() ? AuditOutcome.SUCCESS : AuditOutcome.FAILURE));
    response.onNext(VerifyAuditChainResponse.newBuilder()
        .setIntact(result.intact())
        .setEntriesChecked(result.entriesChecked())
        .setFirstBrokenSequence(result.firstBrokenSequence())
        .build());
    response.onCompleted();
  }
}
