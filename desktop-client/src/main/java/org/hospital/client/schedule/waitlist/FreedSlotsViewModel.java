package org.hospital.client.schedule.waitlist;

import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.List;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.StringProperty;
import javafx.beans.value.ChangeListener;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import org.hospital.client.errors.ErrorMessages;
import org.hospital.client.errors.RpcFailure;
import org.hospital.client.i18n.I18n;
import org.hospital.client.live.LiveFeed;
import org.hospital.client.schedule.Clinic;
import org.hospital.client.schedule.IdempotencyKeys;
import org.hospital.client.schedule.ScheduleFeed;
import org.hospital.client.schedule.ScheduleFilter;
import org.hospital.client.schedule.ScheduleGateway;
import org.hospital.client.schedule.ScheduleText;
import org.hospital.client.tasks.ActionStatus;
import org.hospital.client.tasks.TaskRunner;
import org.hospital.proto.common.v1.ErrorReason;
import org.hospital.proto.scheduling.v1.Appointment;
import org.hospital.proto.scheduling.v1.Department;
import org.hospital.proto.scheduling.v1.ScheduleUpdate;
import org.hospital.proto.scheduling.v1.WaitListEntry;

/**
 * "A slot freed: here are the best candidates." Watches the department's live schedule for the coming month;
 * when a future appointment is cancelled or moved away, asks the server who on the wait list fits that slot
 * (the server ranks, decision 0307) and shows a card while the slot is free and someone fits. "Book" books the
 * patient into the slot and takes the entry off the list.
 */
public final class FreedSlotsViewModel {

  /** Days watched from today: the month ahead (the server allows 31). */
  static final int DAYS_AHEAD = 30;

  private final I18n i18n;
  private final ErrorMessages errors;
  private final ScheduleText text;
  private final TaskRunner tasks;
  private final ScheduleGateway schedule;
  private final WaitListGateway waitList;
  private final ScheduleFeed.Factory feeds;
  private final Clock clock;

  private final ObservableList<FreedSlotNotice> notices = FXCollections.observableArrayList();
  private final ActionStatus status;
  private final FreedSlotWatch watch = new FreedSlotWatch();
  private final ChangeListener<Number> feedChanged = (obs, old, now) -> scheduleChanged();

  private Clinic clinic;
  private LiveFeed<ScheduleUpdate, Appointment> feed;

  /** The wait list panel hears of a removal made here through its own stream, like any other desk's. */
  public FreedSlotsViewModel(I18n i18n, ErrorMessages errors, ScheduleText text, TaskRunner tasks,
      ScheduleGateway schedule, WaitListGateway waitList, ScheduleFeed.Factory feeds, Clock clock) {
    this.i18n = i18n;
    this.errors = errors;
    this.text = text;
    this.tasks = tasks;
    this.schedule = schedule;
    this.waitList = waitList;
    this.feeds = feeds;
    this.clock = clock;
    this.status = new ActionStatus(tasks, errors);
  }

  /** Watches this department (null: none); cards of the previous one are dropped. */
  public void show(Clinic knownClinic, Department department) {
    closeFeed();
    clinic = knownClinic;
    notices.clear();
    if (knownClinic == null || department == null) {
      return;
    }
    LocalDate today = LocalDate.now(clock.withZone(knownClinic.zone()));
    feed = feeds.open(new ScheduleFilter(List.of(department.getId()), List.of(), today, today.plusDays(DAYS_AHEAD)));
    feed.revisionProperty().addListener(feedChanged);
  }

  public void dispose() {
    closeFeed();
  }

  private void scheduleChanged() {
    for (FreedSlotWatch.FreedSlot slot : watch.next(feed.items(), clock.instant())) {
      // not busy: looking for candidates goes on by itself, and must never block a Book pressed meanwhile
      tasks.run(() -> waitList.candidates(slot.clinicianId(), slot.start()), answer -> {
        if (answer.getSlotFree() && !answer.getCandidatesList().isEmpty()) {
          offer(slot, answer.getCandidatesList());
        }
      }, failure -> {
        // a slot that has begun meanwhile, or left the schedule, is simply no offer
        if (!RpcFailure.of(failure).is(ErrorReason.OUTSIDE_WORKING_HOURS)) {
          status.fail(failure);
        }
      });
    }
  }

  private void offer(FreedSlotWatch.FreedSlot slot, List<WaitListEntry> candidates) {
    notices.removeIf(n -> n.sameSlot(slot.clinicianId(), slot.start()));
    ZoneId zone = clinic.zone();
    // a short day on the card (the side panel is narrow); the full one goes into the booking's messages
    String day = DateTimeFormatter.ofPattern("EEE d MMM", i18n.locale()).format(slot.start().atZone(zone));
    String clinician = clinic.clinicianName(slot.clinicianId());
    String when = i18n.format("waitList.when", day, text.time(slot.start(), zone));
    notices.addFirst(new FreedSlotNotice(slot.clinicianId(), slot.start(), clinician, when,
        i18n.format("waitList.freedTitle", clinician, when), candidates));
  }

  /** Books the candidate into the card's slot, then takes the entry off the list with the booking as reason. */
  public void book(FreedSlotNotice card, WaitListEntry entry) {
    if (status.busyProperty().get()) {
      return;
    }
    // the same card and entry give the same key: pressing Book again after a timeout books once
    String key = IdempotencyKeys.forStep("wait-list-book", entry.getId(), entry.getVersion(), card.clinicianId(),
        card.start());
    status.call(() -> schedule.bookFromWaitList(key, card.clinicianId(), card.start(), entry), booked -> {
          notices.remove(card);
          dropEverywhere(entry.getId());
          takeOffList(entry, booked);
        }, failure -> {
          if (RpcFailure.of(failure).is(ErrorReason.SLOT_TAKEN)) {
            notices.remove(card);
            status.refuse(i18n.format("waitList.slotTaken", card.title(), entry.getPatientName()));
          } else {
            status.fail(failure);
          }
        });
  }

  private void takeOffList(WaitListEntry entry, Appointment booked) {
    String reason = i18n.format("waitList.bookedReason", when(ScheduleText.toInstant(booked.getStart())));
    String done = i18n.format("waitList.booked", entry.getPatientName(), when(ScheduleText.toInstant(
        booked.getStart())), clinic.clinicianName(booked.getClinicianId()));
    // the error, should there be one, says that the booking is made
    status.run(() -> {
      waitList.remove(entry.getId(), entry.getVersion(), reason);
      return true;
    }, removed -> done, failure -> i18n.format("waitList.bookedButStillListed", errors.describe(failure)));
  }

  /** The entry is booked: it is nobody's candidate any more; cards left without one go. */
  private void dropEverywhere(long entryId) {
    notices.replaceAll(n -> n.without(entryId));
    notices.removeIf(n -> n.candidates().isEmpty());
  }

  public void dismiss(FreedSlotNotice card) {
    notices.remove(card);
  }

  private String when(java.time.Instant start) {
    ZoneId zone = clinic.zone();
    return i18n.format("waitList.when", text.day(start.atZone(zone).toLocalDate()), text.time(start, zone));
  }

  private void closeFeed() {
    watch.reset();
    if (feed != null) {
      feed.revisionProperty().removeListener(feedChanged);
      feed.close();
      feed = null;
    }
  }

  public ObservableList<FreedSlotNotice> notices() {
    return notices;
  }

  public StringProperty noticeProperty() {
    return status.noticeProperty();
  }

  public StringProperty errorMessageProperty() {
    return status.errorProperty();
  }

  public BooleanProperty busyProperty() {
    return status.busyProperty();
  }
}
