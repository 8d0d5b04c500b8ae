-- Scheduling: weekly templates and exceptions that make a clinician's bookable slots, the appointments that
-- fill them, idempotency keys of booking requests, and the ordered log of every schedule change that live
-- worklists follow. See docs/decisions/0301-no-double-booking.md and 0302-schedule-event-sequence.md.

-- A clinician's regular week: on `weekday` (1 = Monday .. 7 = Sunday) from start_time to end_time, in the
-- hospital's time zone, cut into slots of slot_minutes. max_appointments caps the bookings of one session
-- (NULL: one per slot).
CREATE SEQUENCE schedule_template_id_seq START WITH 1 INCREMENT BY 1;

CREATE TABLE schedule_template (
    id                BIGINT   NOT NULL PRIMARY KEY,
    clinician_id      BIGINT   NOT NULL REFERENCES clinician (staff_id),
    weekday           SMALLINT NOT NULL,
    start_time        TIME     NOT NULL,
    end_time          TIME     NOT NULL,
    slot_minutes      INTEGER  NOT NULL,
    max_appointments  INTEGER,
    valid_from        DATE     NOT NULL,
    -- Inclusive; NULL: until further notice.
    valid_to          DATE,
    version           BIGINT   NOT NULL,
    CONSTRAINT schedule_template_weekday CHECK (weekday BETWEEN 1 AND 7),
    CONSTRAINT schedule_template_times CHECK (start_time < end_time),
    CONSTRAINT schedule_template_slot CHECK (slot_minutes BETWEEN 5 AND 240),
    CONSTRAINT schedule_template_max CHECK (max_appointments IS NULL OR max_appointments > 0)
);

CREATE INDEX schedule_template_by_clinician ON schedule_template (clinician_id);

-- Departures from the week: LEAVE and BLOCKED remove the slots they overlap, EXTRA_SESSION adds slots of
-- slot_minutes from starts_at to ends_at.
CREATE SEQUENCE schedule_exception_id_seq START WITH 1 INCREMENT BY 1;

CREATE TABLE schedule_exception (
    id            BIGINT       NOT NULL PRIMARY KEY,
    clinician_id  BIGINT       NOT NULL REFERENCES clinician (staff_id),
    kind          VARCHAR(20)  NOT NULL,
    starts_at     TIMESTAMP WITH TIME ZONE NOT NULL,
    ends_at       TIMESTAMP WITH TIME ZONE NOT NULL,
    slot_minutes  INTEGER,
    note          VARCHAR(200),
    created_by    VARCHAR(100) NOT NULL,
    CONSTRAINT schedule_exception_kind CHECK (kind IN ('LEAVE', 'BLOCKED', 'EXTRA_SESSION')),
    CONSTRAINT schedule_exception_range CHECK (starts_at < ends_at),
    CONSTRAINT schedule_exception_slot CHECK (kind <> 'EXTRA_SESSION' OR slot_minutes BETWEEN 5 AND 240)
);

CREATE INDEX schedule_exception_by_clinician ON schedule_exception (clinician_id, starts_at);

CREATE SEQUENCE appointment_id_seq START WITH 1 INCREMENT BY 1;

CREATE TABLE appointment (
    id                       BIGINT       NOT NULL PRIMARY KEY,
    clinician_id             BIGINT       NOT NULL REFERENCES clinician (staff_id),
    department_id            BIGINT       NOT NULL REFERENCES department (id),
    patient_id               BIGINT       NOT NULL REFERENCES patient (id),
    start_at                 TIMESTAMP WITH TIME ZONE NOT NULL,
    end_at                   TIMESTAMP WITH TIME ZONE NOT NULL,
    status                   VARCHAR(20)  NOT NULL,
    visit_type               VARCHAR(20)  NOT NULL,
    reason                   VARCHAR(500),
    walk_in                  BOOLEAN      NOT NULL,
    overbooked               BOOLEAN      NOT NULL,
    overbook_reason          VARCHAR(500),
    -- The slot this appointment holds: start_at while it is active (booked, checked in, in consultation,
    -- completed), NULL once cancelled, no-show or rescheduled, and for walk-ins. NULLs never collide in a
    -- unique constraint, so the constraint below allows one holder per slot and overbook_seq, on H2 and
    -- PostgreSQL alike, without partial indexes.
    held_slot_start          TIMESTAMP WITH TIME ZONE,
    -- 0 for a normal booking; 1, 2, ... for each explicit overbook on the same slot.
    overbook_seq             INTEGER      NOT NULL,
    checked_in_at            TIMESTAMP WITH TIME ZONE,
    consultation_started_at  TIMESTAMP WITH TIME ZONE,
    completed_at             TIMESTAMP WITH TIME ZONE,
    cancel_reason            VARCHAR(500),
    cancelled_by             VARCHAR(100),
    rescheduled_from_id      BIGINT REFERENCES appointment (id),
    rescheduled_to_id        BIGINT REFERENCES appointment (id),
    created_by               VARCHAR(100) NOT NULL,
    created_at               TIMESTAMP WITH TIME ZONE NOT NULL,
    updated_by               VARCHAR(100) NOT NULL,
    updated_at               TIMESTAMP WITH TIME ZONE NOT NULL,
    version                  BIGINT       NOT NULL,
    CONSTRAINT appointment_one_holder_per_slot UNIQUE (clinician_id, held_slot_start, overbook_seq),
    CONSTRAINT appointment_status_known CHECK (status IN ('BOOKED', 'CHECKED_IN', 'IN_CONSULTATION',
        'COMPLETED', 'CANCELLED', 'NO_SHOW', 'RESCHEDULED')),
    CONSTRAINT appointment_visit_type_known CHECK (visit_type IN ('NEW_PATIENT', 'FOLLOW_UP', 'CONSULTATION',
        'PROCEDURE', 'URGENT')),
    CONSTRAINT appointment_times CHECK (start_at < end_at),
    CONSTRAINT appointment_overbook_seq CHECK (overbook_seq >= 0),
    CONSTRAINT appointment_released_slot CHECK (held_slot_start IS NULL
        OR status IN ('BOOKED', 'CHECKED_IN', 'IN_CONSULTATION', 'COMPLETED'))
);

CREATE INDEX appointment_by_clinician_start ON appointment (clinician_id, start_at);
CREATE INDEX appointment_by_department_start ON appointment (department_id, start_at);
CREATE INDEX appointment_by_patient ON appointment (patient_id);
CREATE INDEX appointment_queue ON appointment (clinician_id, status, checked_in_at);

-- A client's idempotency key with what it asked for (a hash of the request) and what it got (the
-- appointment). Written in the same transaction as the change it stands for, before it.
CREATE TABLE idempotency_key (
    idem_key        VARCHAR(64)  NOT NULL PRIMARY KEY,
    operation       VARCHAR(30)  NOT NULL,
    fingerprint     VARCHAR(64)  NOT NULL,
    appointment_id  BIGINT       NOT NULL,
    created_by      VARCHAR(100) NOT NULL,
    created_at      TIMESTAMP WITH TIME ZONE NOT NULL
);

-- The one counter behind schedule_event.seq. Every changing transaction increments it as its last
-- statement, so the row lock orders the transactions' commits and the sequence has no gaps.
CREATE TABLE schedule_sequence (
    id        INTEGER NOT NULL PRIMARY KEY,
    last_seq  BIGINT  NOT NULL,
    CONSTRAINT schedule_sequence_single_row CHECK (id = 1)
);

INSERT INTO schedule_sequence (id, last_seq) VALUES (1, 0);

-- Every change to an appointment, with the appointment's full state after it (the protobuf encoding of
-- hospital.scheduling.v1.Appointment, so that old events can be replayed exactly as they were sent). The
-- filter columns are copies, so that a resuming subscriber's catch-up is a range scan.
CREATE TABLE schedule_event (
    seq             BIGINT      NOT NULL PRIMARY KEY,
    event_type      VARCHAR(40) NOT NULL,
    occurred_at     TIMESTAMP WITH TIME ZONE NOT NULL,
    appointment_id  BIGINT      NOT NULL,
    clinician_id    BIGINT      NOT NULL,
    department_id   BIGINT      NOT NULL,
    start_at        TIMESTAMP WITH TIME ZONE NOT NULL,
    payload         BYTEA       NOT NULL
);

CREATE INDEX schedule_event_by_time ON schedule_event (occurred_at);
