package org.hospital.client.lab;

import java.util.Comparator;
import java.util.concurrent.Executor;
import java.util.function.LongConsumer;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import org.hospital.client.errors.ErrorMessages;
import org.hospital.client.i18n.I18n;
import org.hospital.client.live.LiveFeed;
import org.hospital.client.tasks.ActionStatus;
import org.hospital.client.tasks.TaskRunner;
import org.hospital.client.tasks.UiScheduler;
import org.hospital.proto.lab.v1.ResultsInboxItem;
import org.hospital.proto.lab.v1.ResultsInboxUpdate;

/**
 * The doctor's results inbox, live from the server: orders with new or corrected results, critical first and
 * newest next; a row opens the patient's chart or acknowledges the results, which takes it out everywhere.
 */
public final class ResultsInboxViewModel {

  /** As the server sorts its snapshot: critical first, then the most recently resulted. */
  static final Comparator<ResultsInboxItem> ORDER = Comparator.comparing(ResultsInboxItem::getCritical).reversed()
      .thenComparing((ResultsInboxItem i) -> i.getResultedAt().getSeconds(), Comparator.reverseOrder())
      .thenComparing(i -> i.getResultedAt().getNanos(), Comparator.reverseOrder())
      .thenComparing(i -> i.getOrder().getId(), Comparator.reverseOrder());

  private final ResultsInboxGateway gateway;
  private final I18n i18n;
  private final ActionStatus status;
  private final LongConsumer openChart;
  private final LiveFeed<ResultsInboxUpdate, InboxEntry> feed;
  private final ObservableList<ResultsInboxItem> rows = FXCollections.observableArrayList();

  public ResultsInboxViewModel(ResultsInboxGateway gateway, I18n i18n, ErrorMessages errors, TaskRunner tasks,
      Executor ui, UiScheduler scheduler, LongConsumer openChart) {
    this.gateway = gateway;
    this.i18n = i18n;
    this.status = new ActionStatus(tasks, errors);
    this.openChart = openChart;
    this.feed = ResultsInboxFeed.create(gateway, ui, scheduler);
    feed.revisionProperty().addListener((obs, old, now) -> redraw());
  }

  /** Opens the stream. On the FX thread. */
  public void start() {
    feed.start();
  }

  public void close() {
    feed.close();
  }

  private void redraw() {
    rows.setAll(feed.items().stream().filter(InboxEntry::inInbox).map(InboxEntry::item).sorted(ORDER).toList());
  }

  public void openChart(ResultsInboxItem item) {
    if (item != null) {
      openChart.accept(item.getOrder().getPatientId());
    }
  }

  /** The row leaves when the server's event says so, here and on the doctor's other workstations. */
  public void acknowledge(ResultsInboxItem item) {
    if (item == null) {
      status.refuse(i18n.get("inbox.chooseRow"));
      return;
    }
    status.run(() -> gateway.acknowledge(item.getOrder().getId(), item.getOrder().getVersion()),
        r -> i18n.format("inbox.acknowledged", item.getOrder().getAccession()));
  }

  public ObservableList<ResultsInboxItem> rows() {
    return rows;
  }

  public ActionStatus status() {
    return status;
  }

  public LiveFeed<ResultsInboxUpdate, InboxEntry> feed() {
    return feed;
  }
}
