package org.hospital.client.lab;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.hospital.client.testing.Direct;
import org.hospital.client.testing.Failures;
import org.hospital.proto.lab.v1.Analyte;
import org.hospital.proto.lab.v1.AnalyteKind;
import org.hospital.proto.lab.v1.CatalogueTest;
import org.hospital.proto.lab.v1.LabOrder;
import org.hospital.proto.lab.v1.LabOrderStatus;
import org.hospital.proto.lab.v1.LabPriority;
import org.hospital.proto.lab.v1.LabResult;
import org.hospital.proto.lab.v1.ResultEntry;
import org.hospital.proto.lab.v1.ResultFlag;
import org.hospital.proto.lab.v1.SpecimenType;
import org.hospital.proto.reports.v1.PdfDocument;
import org.junit.jupiter.api.Test;

/** The lab desk without the toolkit: a scan opens its order, typed values go out in the analyte's unit. */
class LabDeskViewModelTest {

  private static final Analyte K = Analyte.newBuilder().setCode("2823-3").setName("Potassium")
      .setKind(AnalyteKind.NUMERIC).setUnit("mmol/L").build();
  private static final Analyte NA = Analyte.newBuilder().setCode("2951-2").setName("Sodium")
      .setKind(AnalyteKind.NUMERIC).setUnit("mmol/L").build();
  private static final LabOrder RECEIVED = LabOrder.newBuilder().setId(7).setAccession("L75").setVersion(3)
      .setStatus(LabOrderStatus.RECEIVED).setPriority(LabPriority.STAT).setSpecimenType(SpecimenType.SERUM)
      .addTests(CatalogueTest.newBuilder().setCode("51990-0").setName("Basic metabolic panel").addAnalytes(NA)
          .addAnalytes(K))
      .build();

  private final FakeLab lab = new FakeLab();
  private final LabDeskViewModel vm = new LabDeskViewModel(lab, Direct.ENGLISH, Direct.ERRORS, Direct.tasks());

  @Test
  void aScannedAccessionOpensItsOrderAndTheFieldEmptiesForTheNextScan() {
    vm.accessionProperty().set(" l75\n");
    vm.scan();
    assertEquals(List.of("l75"), lab.scanned);
    assertEquals(7, vm.orderProperty().get().getId());
    assertEquals("", vm.accessionProperty().get());
    assertEquals(List.of("Sodium", "Potassium"), vm.rows().stream().map(r -> r.analyte().getName()).toList());
    assertTrue(vm.canResult());
  }

  @Test
  void onlyTypedValuesAreSentInTheAnalytesUnitAndAFieldProblemNamesItsAnalyte() {
    vm.accessionProperty().set("L75");
    vm.scan();
    vm.rows().get(1).valueProperty().set(" 6.4 ");
    lab.refusal = Failures.invalid(Map.of(), "entries[0].value", "NOT_A_RESULT_VALUE");
    vm.save(false);
    assertEquals(List.of(ResultEntry.newBuilder().setAnalyteCode("2823-3").setValue("6.4").setUnit("mmol/L")
        .build()), lab.recorded);
    assertTrue(vm.status().errorProperty().get().startsWith("Potassium: Not a result this test can have"),
        vm.status().errorProperty().get());

    lab.refusal = null;
    vm.save(false);
    assertEquals("L75: preliminary results saved, 1 flagged.", vm.status().noticeProperty().get());
    assertEquals(ResultFlag.CRITICAL_HIGH, vm.rows().get(1).resultProperty().get().getFlag());
  }

  @Test
  void aCorrectionNeedsAReasonAndExactlyOneChangedValue() {
    lab.next = RECEIVED.toBuilder().setStatus(LabOrderStatus.FINAL).addResults(result(NA, "140"))
        .addResults(result(K, "4.1")).build();
    vm.accessionProperty().set("L75");
    vm.scan();
    vm.correct();
    assertEquals("Change the value of one result, then correct it.", vm.status().errorProperty().get());
    vm.rows().get(1).valueProperty().set("4.4");
    vm.correct();
    assertEquals("Give the reason for the correction.", vm.status().errorProperty().get());
    vm.correctionReasonProperty().set("Haemolysed; repeated");
    vm.correct();
    assertEquals("Haemolysed; repeated", lab.reason);
    assertEquals("Potassium corrected; the earlier value is kept.", vm.status().noticeProperty().get());
    assertEquals("", vm.correctionReasonProperty().get());
    assertNull(lab.refusal);
  }

  private static LabResult result(Analyte a, String value) {
    return LabResult.newBuilder().setAnalyteCode(a.getCode()).setAnalyteName(a.getName()).setValue(value)
        .setUnit(a.getUnit()).setFlag(ResultFlag.NORMAL).build();
  }

  /** Answers as the server would for one order; records what it was sent. */
  private static final class FakeLab implements LabGateway {
    final List<String> scanned = new ArrayList<>();
    List<ResultEntry> recorded = List.of();
    RuntimeException refusal;
    LabOrder next = RECEIVED;
    String reason;

    @Override
    public LabOrder byAccession(String accession) {
      scanned.add(accession);
      return next;
    }

    @Override
    public LabOrder record(LabOrder order, List<ResultEntry> entries, boolean isFinal) {
      recorded = entries;
      if (refusal != null) {
        throw refusal;
      }
      LabOrder.Builder b = order.toBuilder().setStatus(LabOrderStatus.PRELIMINARY);
      entries.forEach(e -> b.addResults(LabResult.newBuilder().setAnalyteCode(e.getAnalyteCode())
          .setValue(e.getValue()).setFlag(ResultFlag.CRITICAL_HIGH)));
      return b.build();
    }

    @Override
    public LabOrder correct(LabOrder order, ResultEntry entry, String reason) {
      this.reason = reason;
      return order.toBuilder().setStatus(LabOrderStatus.CORRECTED).build();
    }

    @Override
    public List<LabOrder> worklist() {
      return List.of();
    }

    @Override
    public List<CatalogueTest> catalogue() {
      throw new AssertionError("not used here");
    }

    @Override
    public LabOrder place(String key, long encounterId, List<String> testCodes, LabPriority priority,
        String question, SpecimenType specimen) {
      throw new AssertionError("not used here");
    }

    @Override
    public LabOrder collect(LabOrder order) {
      throw new AssertionError("not used here");
    }

    @Override
    public LabOrder cancel(LabOrder order, String reason) {
      throw new AssertionError("not used here");
    }

    @Override
    public LabOrder receive(LabOrder order) {
      throw new AssertionError("not used here");
    }

    @Override
    public LabOrder order(long orderId) {
      throw new AssertionError("not used here");
    }

    @Override
    public List<LabOrder> ofPatient(long patientId) {
      throw new AssertionError("not used here");
    }

    @Override
    public PdfDocument label(long orderId) {
      throw new AssertionError("not used here");
    }
  }
}
