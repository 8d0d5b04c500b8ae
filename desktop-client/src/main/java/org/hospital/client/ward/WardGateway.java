package org.hospital.client.ward;

import java.util.List;
import org.hospital.client.live.FeedObserver;
import org.hospital.client.tasks.Cancellable;
import org.hospital.proto.reports.v1.PdfDocument;
import org.hospital.proto.scheduling.v1.Clinician;
import org.hospital.proto.wards.v1.AdmitPatientRequest;
import org.hospital.proto.wards.v1.Bed;
import org.hospital.proto.wards.v1.BedBoardUpdate;
import org.hospital.proto.wards.v1.DischargePatientRequest;
import org.hospital.proto.wards.v1.Observations;
import org.hospital.proto.wards.v1.Stay;
import org.hospital.proto.wards.v1.SubscribeBedBoardRequest;
import org.hospital.proto.wards.v1.TransferPatientRequest;
import org.hospital.proto.wards.v1.VitalSigns;

/** The ward calls the client makes. Blocking ones run through the TaskRunner; the board is a stream. */
public interface WardGateway {

  Cancellable subscribe(SubscribeBedBoardRequest request, FeedObserver<BedBoardUpdate> observer);

  Stay admit(AdmitPatientRequest request);

  Stay transfer(TransferPatientRequest request);

  Stay discharge(DischargePatientRequest request);

  Bed markClean(long bedId, long expectedVersion);

  Bed block(long bedId, long expectedVersion, String reason);

  Bed release(long bedId, long expectedVersion);

  VitalSigns recordVitals(long stayId, Observations observations);

  /** The clinicians who may be named as admitting doctor. */
  List<Clinician> doctors();

  /** The patient's wristband as a PDF, rendered by the server (a reprint says COPY). */
  PdfDocument wristband(long stayId);

  /** A sheet of {@code count} patient labels as a PDF. */
  PdfDocument labels(long stayId, int count);
}
