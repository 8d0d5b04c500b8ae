package org.hospital.client.schedule.booking;

import java.time.LocalDate;
import java.util.Arrays;
import java.util.List;
import javafx.beans.binding.Bindings;
import javafx.beans.binding.BooleanBinding;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.beans.value.ObservableValue;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import org.hospital.client.errors.RpcFailure;
import org.hospital.client.i18n.I18n;
import org.hospital.client.schedule.BookingSlot;
import org.hospital.client.schedule.ScheduleText;
import org.hospital.proto.common.v1.ErrorReason;

/**
 * The booking dialog's choices beyond the one slot: repeating it as a series (every 1 to 4 weeks, 2 to 26
 * times), and, for administrators, overbooking a slot someone already holds. Also reads the server's refusal
 * of a series, which names every date that failed, so the desk can see which ones and choose again.
 */
public final class BookingOptions {

  /** Weeks between appointments; 0: the booking does not repeat. */
  public static final List<Integer> INTERVALS = List.of(0, 1, 2, 3, 4);
  public static final int MIN_COUNT = 2;
  public static final int MAX_COUNT = 26;
  static final int DEFAULT_COUNT = 4;

  private final I18n i18n;
  private final ScheduleText text;
  private final boolean mayOverbook;
  private final ObjectProperty<Integer> intervalWeeks = new SimpleObjectProperty<>(0);
  private final ObjectProperty<Integer> count = new SimpleObjectProperty<>(DEFAULT_COUNT);
  private final ReadOnlyStringWrapper summary = new ReadOnlyStringWrapper("");
  private final BooleanProperty slotTaken = new SimpleBooleanProperty(false);
  private final BooleanProperty overbook = new SimpleBooleanProperty(false);
  private final StringProperty overbookReason = new SimpleStringProperty("");
  private final BooleanBinding overbookOffered;
  private final ObservableList<String> refusedDates = FXCollections.observableArrayList();

  /** @param mayOverbook the signed-in user is an administrator (the server checks it again) */
  BookingOptions(I18n i18n, ScheduleText text, boolean mayOverbook, ObservableValue<BookingSlot> slot) {
    this.i18n = i18n;
    this.text = text;
    this.mayOverbook = mayOverbook;
    overbookOffered = Bindings.createBooleanBinding(() -> mayOverbook && slotTaken.get(), slotTaken);
    Runnable describe = () -> summary.set(describe(slot.getValue()));
    intervalWeeks.subscribe(describe);
    count.subscribe(describe);
    slot.subscribe(now -> {
      describe.run();
      slotTaken.set(now != null && now.taken());
      refusedDates.clear();
    });
    overbookOffered.subscribe(offered -> {
      if (!offered) {
        overbook.set(false);
      }
    });
  }

  public boolean repeats() {
    return intervalWeeks.get() != null && intervalWeeks.get() > 0;
  }

  /** The overbook option is offered and chosen. */
  public boolean overbooking() {
    return overbookOffered.get() && overbook.get();
  }

  int occurrences() {
    return repeats() ? count.get() : 1;
  }

  int interval() {
    return repeats() ? intervalWeeks.get() : 0;
  }

  /** How an interval reads in the "Repeat" choice. */
  public String intervalText(Integer weeks) {
    if (weeks == null || weeks == 0) {
      return i18n.get("series.repeat.none");
    }
    return weeks == 1 ? i18n.get("series.repeat.weekly") : i18n.format("series.repeat.every", weeks);
  }

  private String describe(BookingSlot target) {
    if (!repeats() || target == null || target.start() == null) {
      return "";
    }
    LocalDate last = target.start().atZone(target.zone()).toLocalDate()
        .plusWeeks((long) intervalWeeks.get() * (count.get() - 1));
    return i18n.format("series.summary", count.get(), text.day(last));
  }

  /**
   * The words for a refused series (every taken or off-schedule date listed in {@link #refusedDates}), or
   * empty when the failure is not one; a plain SLOT_TAKEN marks the slot as taken, so the overbook option appears.
   */
  String refusal(RpcFailure failure) {
    refusedDates.clear();
    String dates = failure.metadata().getOrDefault("dates", "");
    if (!dates.isEmpty() && (failure.is(ErrorReason.SLOT_TAKEN) || failure.is(ErrorReason.OUTSIDE_WORKING_HOURS))) {
      Arrays.stream(dates.split(",")).map(d -> text.day(LocalDate.parse(d))).forEach(refusedDates::add);
      return i18n.get(failure.is(ErrorReason.SLOT_TAKEN) ? "series.refusedTaken" : "series.refusedOffSchedule");
    }
    if (failure.is(ErrorReason.SLOT_TAKEN)) {
      slotTaken.set(true);
    }
    return "";
  }

  /** The hint when a taken slot may be overbooked by this user, else empty. */
  String takenHint() {
    return mayOverbook && slotTaken.get() ? i18n.get("overbook.slotTaken") : "";
  }

  public ObjectProperty<Integer> intervalWeeksProperty() {
    return intervalWeeks;
  }

  public ObjectProperty<Integer> countProperty() {
    return count;
  }

  /** "4 appointments, the last on …" while the booking repeats. */
  public ReadOnlyStringProperty summaryProperty() {
    return summary.getReadOnlyProperty();
  }

  public BooleanBinding overbookOfferedProperty() {
    return overbookOffered;
  }

  public BooleanProperty overbookProperty() {
    return overbook;
  }

  public StringProperty overbookReasonProperty() {
    return overbookReason;
  }

  /** The days the server named when it refused a series, as they read on screen. */
  public ObservableList<String> refusedDates() {
    return refusedDates;
  }
}
