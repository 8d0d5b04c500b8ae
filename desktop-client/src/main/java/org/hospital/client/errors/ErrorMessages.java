package org.hospital.client.errors;

import java.time.DateTimeException;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.format.FormatStyle;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.hospital.client.i18n.I18n;
import org.hospital.proto.common.v1.ErrorReason;
import org.hospital.proto.common.v1.FieldViolationCode;

/** The one place where failures become sentences a person at the desk can act on. */
public final class ErrorMessages {

  private final I18n i18n;
  private final ZoneId zone;

  public ErrorMessages(I18n i18n, ZoneId zone) {
    this.i18n = i18n;
    this.zone = zone;
  }

  public String describe(Throwable failure) {
    return describe(RpcFailure.of(failure));
  }

  public String describe(RpcFailure failure) {
    return switch (failure.kind()) {
      case UNREACHABLE -> i18n.get("error.unreachable");
      case UNTRUSTED_CERTIFICATE -> i18n.get("error.untrustedCertificate");
      case TIMEOUT -> i18n.get("error.timeout");
      case CA_UNREADABLE -> i18n.format("error.caUnreadable", failure.metadata().getOrDefault("path", ""));
      case LOCAL -> i18n.get("error.unexpected");
      case SERVER -> describeServerReason(failure);
    };
  }

  /** A timestamp the server sent (ISO-8601 instant), in the workstation's time zone. */
  public String localTime(String isoInstant) {
    return localTime(isoInstant, FormatStyle.SHORT);
  }

  /** The date in MEDIUM style and the time in {@code timeStyle}; the text as given if it is no instant. */
  private String localTime(String isoInstant, FormatStyle timeStyle) {
    try {
      return DateTimeFormatter.ofLocalizedDateTime(FormatStyle.MEDIUM, timeStyle)
          .withLocale(i18n.locale()).withZone(zone).format(Instant.parse(isoInstant));
    } catch (DateTimeException | NullPointerException e) {
      return isoInstant == null ? "" : isoInstant;
    }
  }

  /**
   * Why a check-in is refused, naming the appointment's day and time in {@code zone} (the hospital's): "Check-in
   * opens at 07:30: this appointment is on Monday 7 December at 09:30", or that the day is over (a no-show).
   */
  public String checkInRefusal(Instant start, Instant opensAt, boolean closed, ZoneId zone) {
    DateTimeFormatter day = DateTimeFormatter.ofPattern(i18n.get("checkIn.dayPattern"), i18n.locale()).withZone(zone);
    // 24-hour times, as the schedule shows them
    DateTimeFormatter time = DateTimeFormatter.ofPattern("HH:mm", i18n.locale()).withZone(zone);
    return closed ? i18n.format("checkIn.closed", day.format(start), time.format(start))
        : i18n.format("checkIn.notYet", day.format(start), time.format(start), time.format(opensAt));
  }

  /**
   * A refusal in words, field by field when the server names fields: each labelled by its {@code labelPrefix}
   * key (the field's own name when there is none) and worded by {@code message}, for screens that say some
   * problems their own way; otherwise as {@link #describe(RpcFailure)}.
   */
  public String describeByField(Throwable failure, String labelPrefix, Function<FieldProblem, String> message) {
    RpcFailure f = RpcFailure.of(failure);
    if (f.fieldProblems().isEmpty()) {
      return describe(f);
    }
    StringBuilder text = new StringBuilder();
    for (FieldProblem p : f.fieldProblems()) {
      String label = i18n.hasDynamic(labelPrefix, p.field()) ? i18n.dynamic(labelPrefix, p.field()) : p.field();
      text.append(text.isEmpty() ? "" : " ").append(label).append(": ").append(message.apply(p));
    }
    return text.toString();
  }

  public String fieldMessage(FieldProblem problem) {
    FieldViolationCode code = problem.code();
    if (code == FieldViolationCode.TOO_LONG && problem.maxLength() > 0) {
      return i18n.format("error.field.tooLongMax", problem.maxLength());
    }
    if (code == FieldViolationCode.UNRECOGNIZED || !i18n.hasDynamic("error.field.", code.name())) {
      return i18n.get("error.field.invalid");
    }
    return i18n.dynamic("error.field.", code.name());
  }

  private String describeServerReason(RpcFailure failure) {
    ErrorReason reason = failure.reason();
    if (reason == ErrorReason.SIGN_IN_THROTTLED) {
      // with seconds: a sign-in delay is often a few seconds long
      return i18n.format("error.signInThrottledUntil",
          localTime(failure.metadata().get("retry_after"), FormatStyle.MEDIUM));
    }
    if (reason == ErrorReason.STALE_VERSION) {
      return i18n.format("error.staleVersionBy", failure.metadata().getOrDefault("updated_by", "?"),
          localTime(failure.metadata().get("updated_at")));
    }
    if (reason == ErrorReason.OUTSIDE_CHECK_IN_WINDOW) {
      try {
        return checkInRefusal(Instant.parse(failure.metadata().get("appointment_start")),
            Instant.parse(failure.metadata().get("opens_at")), "CLOSED".equals(failure.metadata().get("window")),
            zone);
      } catch (DateTimeException | NullPointerException e) {
        return i18n.get("error.reason.OUTSIDE_CHECK_IN_WINDOW");
      }
    }
    if (reason == ErrorReason.SLOT_TAKEN && !failure.nextFreeSlots().isEmpty()) {
      return i18n.format("error.slotTakenNextFree", failure.nextFreeSlots().stream()
          .map(instant -> localTime(instant.toString())).collect(Collectors.joining(", ")));
    }
    if (reason != ErrorReason.UNRECOGNIZED && reason != ErrorReason.ERROR_REASON_UNSPECIFIED
        && i18n.hasDynamic("error.reason.", reason.name())) {
      return i18n.dynamic("error.reason.", reason.name());
    }
    return i18n.format("error.status", failure.code().name());
  }
}
