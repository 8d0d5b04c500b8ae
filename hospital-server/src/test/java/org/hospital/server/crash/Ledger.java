package org.hospital.server.crash;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * What the callers were told, kept outside the server: every write the server answered OK, and every
 * write that was sent but never answered (the server died first), which may or may not have happened.
 */
final class Ledger {

  record Registration(String requestId, String familyName, long patientId, String mrn) {}

  record Booking(String key, long appointmentId, long patientId, long clinicianId, Instant start) {}

  record WalkIn(String key, long appointmentId, long patientId, long clinicianId) {}

  record Signed(String key, long prescriptionId, long patientId, long productId) {}

  final Map<String, Registration> registrations = new ConcurrentHashMap<>();
  final Map<String, Booking> bookings = new ConcurrentHashMap<>();
  final Map<String, WalkIn> walkIns = new ConcurrentHashMap<>();
  final Map<String, Signed> prescriptions = new ConcurrentHashMap<>();
  /** Family names of registrations sent but not answered. */
  final List<String> unansweredRegistrations = java.util.Collections.synchronizedList(new ArrayList<>());
  /** MRN to the request that was given it, to catch a number handed out twice. */
  private final Map<String, String> mrnOwners = new ConcurrentHashMap<>();
  final List<String> reissued = java.util.Collections.synchronizedList(new ArrayList<>());
  final List<String> refusals = java.util.Collections.synchronizedList(new ArrayList<>());

  void registered(Registration r) {
    registrations.put(r.requestId(), r);
    String earlier = mrnOwners.putIfAbsent(r.mrn(), r.requestId());
    if (earlier != null && !earlier.equals(r.requestId())) {
      reissued.add("MRN " + r.mrn() + " was given to " + registrations.get(earlier).familyName()
          + " and again to " + r.familyName());
    }
  }

  void booked(Booking b) {
    bookings.put(b.key(), b);
  }

  void walkedIn(WalkIn w) {
    walkIns.put(w.key(), w);
  }

  void prescribed(Signed p) {
    prescriptions.put(p.key(), p);
  }

  void unanswered(String familyName) {
    unansweredRegistrations.add(familyName);
  }

  void refused(String what) {
    refusals.add(what);
  }
}
