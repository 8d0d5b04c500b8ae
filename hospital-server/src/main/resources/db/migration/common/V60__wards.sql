-- The wards: wards, rooms and beds; inpatient stays (each one an INPATIENT encounter of the chart); who lies in
-- which bed; vital signs with their NEWS2 score; and the bed board's live feed. See
-- docs/decisions/0702-one-patient-one-bed.md.
-- One id sequence for the feature's plain-SQL rows (wards, rooms, beds, stays, vital signs).
CREATE SEQUENCE ward_id_seq START WITH 1 INCREMENT BY 1;

CREATE TABLE ward (
    id          BIGINT       NOT NULL PRIMARY KEY,
    code        VARCHAR(12)  NOT NULL,
    name        VARCHAR(100) NOT NULL,
    sort_order  INTEGER      NOT NULL,
    CONSTRAINT ward_code_once UNIQUE (code)
);

CREATE TABLE ward_room (
    id       BIGINT      NOT NULL PRIMARY KEY,
    ward_id  BIGINT      NOT NULL REFERENCES ward (id),
    name     VARCHAR(40) NOT NULL,
    CONSTRAINT ward_room_once UNIQUE (ward_id, name)
);

-- A bed's state is FREE, RESERVED, OCCUPIED, NEEDS_CLEANING or BLOCKED; note says why it is blocked or reserved.
-- The state is what the board shows; bed_occupancy below is what guarantees one patient per bed.
CREATE TABLE bed (
    id          BIGINT       NOT NULL PRIMARY KEY,
    ward_id     BIGINT       NOT NULL REFERENCES ward (id),
    room_id     BIGINT       NOT NULL REFERENCES ward_room (id),
    label       VARCHAR(12)  NOT NULL,
    sort_order  INTEGER      NOT NULL,
    state       VARCHAR(16)  NOT NULL,
    note        VARCHAR(200),
    version     BIGINT       NOT NULL,
    updated_at  TIMESTAMP WITH TIME ZONE NOT NULL,
    updated_by  VARCHAR(100) NOT NULL,
    CONSTRAINT bed_label_once UNIQUE (ward_id, label),
    CONSTRAINT bed_state_known CHECK (state IN ('FREE', 'RESERVED', 'OCCUPIED', 'NEEDS_CLEANING', 'BLOCKED')),
    CONSTRAINT bed_blocked_has_reason CHECK (state <> 'BLOCKED' OR note IS NOT NULL)
);
CREATE INDEX bed_by_ward ON bed (ward_id, sort_order);

-- One inpatient stay from admission to discharge. spo2_scale is the NEWS2 SpO2 scale a clinician set (1 or 2).
CREATE TABLE inpatient_stay (
    id                     BIGINT       NOT NULL PRIMARY KEY,
    patient_id             BIGINT       NOT NULL REFERENCES patient (id),
    encounter_id           BIGINT       NOT NULL REFERENCES encounter (id),
    ward_id                BIGINT       NOT NULL REFERENCES ward (id),
    bed_id                 BIGINT       NOT NULL REFERENCES bed (id),
    admitting_doctor_id    BIGINT       NOT NULL REFERENCES staff_account (id),
    admitting_doctor_name  VARCHAR(100) NOT NULL,
    reason                 VARCHAR(500) NOT NULL,
    admitted_at            TIMESTAMP WITH TIME ZONE NOT NULL,
    admitted_by            VARCHAR(100) NOT NULL,
    discharged_at          TIMESTAMP WITH TIME ZONE,
    destination            VARCHAR(20),
    spo2_scale             INTEGER      NOT NULL,
    version                BIGINT       NOT NULL,
    updated_at             TIMESTAMP WITH TIME ZONE NOT NULL,
    updated_by             VARCHAR(100) NOT NULL,
    CONSTRAINT inpatient_stay_one_encounter UNIQUE (encounter_id),
    CONSTRAINT inpatient_stay_scale_known CHECK (spo2_scale IN (1, 2)),
    CONSTRAINT inpatient_stay_discharge_whole CHECK ((discharged_at IS NULL) = (destination IS NULL)),
    CONSTRAINT inpatient_stay_ends_after_start CHECK (discharged_at IS NULL OR discharged_at >= admitted_at)
);
CREATE INDEX inpatient_stay_by_patient ON inpatient_stay (patient_id, admitted_at);

-- Who lies in which bed now: the guarantee. The bed is the key (one patient per bed), the patient and the stay
-- are unique (one bed per patient), whatever number of workstations and server instances race for them.
-- Admission inserts the row, transfer moves it, discharge deletes it.
CREATE TABLE bed_occupancy (
    bed_id      BIGINT NOT NULL,
    patient_id  BIGINT NOT NULL REFERENCES patient (id),
    stay_id     BIGINT NOT NULL REFERENCES inpatient_stay (id),
    since       TIMESTAMP WITH TIME ZONE NOT NULL,
    CONSTRAINT bed_occupancy_one_patient_per_bed PRIMARY KEY (bed_id),
    CONSTRAINT bed_occupancy_one_bed_per_patient UNIQUE (patient_id),
    CONSTRAINT bed_occupancy_one_bed_per_stay UNIQUE (stay_id),
    CONSTRAINT bed_occupancy_bed FOREIGN KEY (bed_id) REFERENCES bed (id)
);

-- One set of observations and the NEWS2 the server computed from it (total, escalation, the scale it used, and
-- the points per parameter, so that a later change of the rules does not rewrite what was shown).
CREATE TABLE vital_signs (
    id                BIGINT       NOT NULL PRIMARY KEY,
    stay_id           BIGINT       NOT NULL REFERENCES inpatient_stay (id),
    patient_id        BIGINT       NOT NULL REFERENCES patient (id),
    taken_at          TIMESTAMP WITH TIME ZONE NOT NULL,
    recorded_at       TIMESTAMP WITH TIME ZONE NOT NULL,
    recorded_by       VARCHAR(100) NOT NULL,
    temperature_dc    INTEGER      NOT NULL,
    pulse             INTEGER      NOT NULL,
    systolic          INTEGER      NOT NULL,
    diastolic         INTEGER      NOT NULL,
    respiratory_rate  INTEGER      NOT NULL,
    spo2              INTEGER      NOT NULL,
    on_oxygen         BOOLEAN      NOT NULL,
    consciousness     VARCHAR(16)  NOT NULL,
    pain_score        INTEGER,
    spo2_scale        INTEGER      NOT NULL,
    news2_total       INTEGER      NOT NULL,
    escalation        VARCHAR(12)  NOT NULL,
    news2_parts       VARCHAR(40)  NOT NULL,
    CONSTRAINT vital_signs_pain_range CHECK (pain_score IS NULL OR pain_score BETWEEN 0 AND 10),
    CONSTRAINT vital_signs_spo2_range CHECK (spo2 BETWEEN 0 AND 100)
);
CREATE INDEX vital_signs_by_stay ON vital_signs (stay_id, taken_at);

-- The live bed board (SubscribeBedBoard): one event per changed bed, numbered by its own counter in commit
-- order (docs/decisions/0302-schedule-event-sequence.md, 0313-one-live-feed.md). The payload is the whole
-- hospital.wards.v1.BedBoardEvent, so a replayed event is exactly the one first sent.
CREATE TABLE bed_board_sequence (
    id        INTEGER NOT NULL PRIMARY KEY,
    last_seq  BIGINT  NOT NULL,
    CONSTRAINT bed_board_sequence_single_row CHECK (id = 1)
);

INSERT INTO bed_board_sequence (id, last_seq) VALUES (1, 0);

CREATE TABLE bed_board_event (
    seq          BIGINT      NOT NULL PRIMARY KEY,
    occurred_at  TIMESTAMP WITH TIME ZONE NOT NULL,
    ward_id      BIGINT      NOT NULL,
    bed_id       BIGINT      NOT NULL,
    payload      BYTEA       NOT NULL
);

CREATE INDEX bed_board_event_by_time ON bed_board_event (occurred_at);
