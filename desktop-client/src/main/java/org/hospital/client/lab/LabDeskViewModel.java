package org.hospital.client.lab;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import org.hospital.client.errors.ErrorMessages;
import org.hospital.client.errors.FieldProblem;
import org.hospital.client.errors.RpcFailure;
import org.hospital.client.i18n.I18n;
import org.hospital.client.tasks.ActionStatus;
import org.hospital.client.tasks.TaskRunner;
import org.hospital.proto.lab.v1.Analyte;
import org.hospital.proto.lab.v1.CatalogueTest;
import org.hospital.proto.lab.v1.LabOrder;
import org.hospital.proto.lab.v1.LabOrderStatus;
import org.hospital.proto.lab.v1.LabResult;
import org.hospital.proto.lab.v1.ResultEntry;

/**
 * The lab desk: the worklist of collected and received specimens; an accession number scanned (or typed) opens
 * its order; results are typed per analyte in the analyte's unit and saved as preliminary or final, and the
 * server's flags come back; a final result is corrected with a reason.
 */
public final class LabDeskViewModel {

  private static final Pattern ENTRY_FIELD = Pattern.compile("entries\\[(\\d+)]\\..*");

  private final LabGateway gateway;
  private final I18n i18n;
  private final ErrorMessages errors;
  private final ActionStatus status;
  private final ObservableList<LabOrder> worklist = FXCollections.observableArrayList();
  private final ObservableList<ResultRow> rows = FXCollections.observableArrayList();
  private final ObjectProperty<LabOrder> order = new SimpleObjectProperty<>();
  private final StringProperty accession = new SimpleStringProperty("");
  private final StringProperty correctionReason = new SimpleStringProperty("");

  public LabDeskViewModel(LabGateway gateway, I18n i18n, ErrorMessages errors, TaskRunner tasks) {
    this.gateway = gateway;
    this.i18n = i18n;
    this.errors = errors;
    this.status = new ActionStatus(tasks, errors);
  }

  public void loadWorklist() {
    status.reload(gateway::worklist, worklist::setAll);
  }

  /** What the scanner typed (it ends with Enter): the order opens, the field empties for the next scan. */
  public void scan() {
    String typed = accession.get().strip();
    if (typed.isEmpty()) {
      return;
    }
    status.run(() -> gateway.byAccession(typed), o -> {
      show(o);
      accession.set("");
      return i18n.format("lab.opened", o.getAccession());
    });
  }

  public void open(LabOrder o) {
    if (o != null) {
      status.run(() -> gateway.order(o.getId()), found -> {
        show(found);
        return "";
      });
    }
  }

  public void receive() {
    LabOrder o = order.get();
    if (o != null) {
      status.run(() -> gateway.receive(o), done -> {
        show(done);
        loadWorklist();
        return i18n.format("lab.receivedNotice", done.getAccession());
      });
    }
  }

  public void collect() {
    LabOrder o = order.get();
    if (o != null) {
      status.run(() -> gateway.collect(o), done -> {
        show(done);
        loadWorklist();
        return i18n.format("lab.collectedNotice", done.getAccession());
      });
    }
  }

  /** Saves what was typed; {@code isFinal} also makes the order final (every analyte must then have a value). */
  public void save(boolean isFinal) {
    LabOrder o = order.get();
    if (o == null) {
      return;
    }
    List<ResultRow> sent = rows.stream().filter(ResultRow::changed).toList();
    List<ResultEntry> entries = sent.stream().map(LabDeskViewModel::entry).toList();
    if (entries.isEmpty() && !isFinal) {
      status.refuse(i18n.get("lab.nothingTyped"));
      return;
    }
    status.run(() -> gateway.record(o, entries, isFinal), done -> {
      show(done);
      loadWorklist();
      long flagged = done.getResultsList().stream().filter(r -> Flags.isAbnormal(r.getFlag())).count();
      return i18n.format(isFinal ? "lab.finalNotice" : "lab.savedNotice", done.getAccession(), flagged);
    }, failure -> describe(failure, sent));
  }

  /** Corrects the one final result whose value was changed in its field, with the reason given. */
  public void correct() {
    LabOrder o = order.get();
    List<ResultRow> changed = rows.stream().filter(ResultRow::changed).toList();
    ResultRow row = changed.size() == 1 ? changed.getFirst() : null;
    if (o == null || row == null) {
      status.refuse(i18n.get("lab.chooseResult"));
      return;
    }
    if (correctionReason.get().isBlank()) {
      status.refuse(i18n.get("lab.reasonRequired"));
      return;
    }
    status.run(() -> gateway.correct(o, entry(row), correctionReason.get().strip()), done -> {
      show(done);
      correctionReason.set("");
      return i18n.format("lab.correctedNotice", row.analyte().getName());
    }, failure -> describe(failure, List.of(row)));
  }

  /** Field problems named by the analyte they are about ("Potassium: the unit is not the analyte's"). */
  private String describe(Throwable failure, List<ResultRow> sent) {
    RpcFailure f = RpcFailure.of(failure);
    if (f.fieldProblems().isEmpty()) {
      return errors.describe(f);
    }
    List<String> parts = new ArrayList<>();
    for (FieldProblem p : f.fieldProblems()) {
      Matcher m = ENTRY_FIELD.matcher(p.field());
      String who = m.matches() && Integer.parseInt(m.group(1)) < sent.size()
          ? sent.get(Integer.parseInt(m.group(1))).analyte().getName()
          : sent.size() == 1 && p.field().startsWith("entry") ? sent.getFirst().analyte().getName()
          : i18n.get("lab.results");
      parts.add(who + ": " + errors.fieldMessage(p));
    }
    return String.join(" ", parts);
  }

  private static ResultEntry entry(ResultRow r) {
    return ResultEntry.newBuilder().setAnalyteCode(r.analyte().getCode()).setValue(r.valueProperty().get().strip())
        .setUnit(r.coded() ? "" : r.analyte().getUnit()).build();
  }

  private void show(LabOrder o) {
    order.set(o);
    Map<String, Analyte> analytes = new LinkedHashMap<>();
    for (CatalogueTest t : o.getTestsList()) {
      t.getAnalytesList().forEach(a -> analytes.putIfAbsent(a.getCode(), a));
    }
    Map<String, LabResult> results = new LinkedHashMap<>();
    o.getResultsList().forEach(r -> results.put(r.getAnalyteCode(), r));
    rows.setAll(analytes.values().stream().map(a -> new ResultRow(a, results.get(a.getCode()))).toList());
  }

  public boolean canReceive() {
    return order.get() != null && order.get().getStatus() == LabOrderStatus.COLLECTED;
  }

  public boolean canCollect() {
    return order.get() != null && order.get().getStatus() == LabOrderStatus.ORDERED;
  }

  public boolean canResult() {
    LabOrder o = order.get();
    return o != null && (o.getStatus() == LabOrderStatus.RECEIVED || o.getStatus() == LabOrderStatus.PRELIMINARY);
  }

  public boolean canCorrect() {
    LabOrder o = order.get();
    return o != null && (o.getStatus() == LabOrderStatus.FINAL || o.getStatus() == LabOrderStatus.CORRECTED);
  }

  public ObservableList<LabOrder> worklist() {
    return worklist;
  }

  public ObservableList<ResultRow> rows() {
    return rows;
  }

  public ObjectProperty<LabOrder> orderProperty() {
    return order;
  }

  public StringProperty accessionProperty() {
    return accession;
  }

  public StringProperty correctionReasonProperty() {
    return correctionReason;
  }

  public ActionStatus status() {
    return status;
  }
}
