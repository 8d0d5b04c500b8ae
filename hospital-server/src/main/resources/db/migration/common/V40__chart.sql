-- The chart: encounters and their notes, the problem list, encounter diagnoses and allergies.
-- Codes are ICD-10-CM without the dot (E119); the dot is for people and is added when shown.
CREATE SEQUENCE chart_id_seq START WITH 50 INCREMENT BY 50;

-- A person who died is recorded here; nothing is prescribed for them.
ALTER TABLE patient ADD COLUMN deceased_at TIMESTAMP WITH TIME ZONE;

CREATE TABLE encounter (
    id              BIGINT       NOT NULL PRIMARY KEY,
    patient_id      BIGINT       NOT NULL REFERENCES patient (id),
    -- One encounter per appointment: starting a consultation twice finds the first.
    appointment_id  BIGINT       REFERENCES appointment (id),
    kind            VARCHAR(12)  NOT NULL,
    status          VARCHAR(12)  NOT NULL,
    clinician_id    BIGINT       NOT NULL REFERENCES staff_account (id),
    clinician_name  VARCHAR(100) NOT NULL,
    department_id   BIGINT       REFERENCES department (id),
    started_at      TIMESTAMP WITH TIME ZONE NOT NULL,
    ended_at        TIMESTAMP WITH TIME ZONE,
    reason          VARCHAR(500),
    -- Imported encounters keep their origin (e.g. a Synthea encounter id) so that an import runs once.
    source_id       VARCHAR(64),
    version         BIGINT       NOT NULL,
    updated_at      TIMESTAMP WITH TIME ZONE NOT NULL,
    updated_by      VARCHAR(100) NOT NULL,
    CONSTRAINT encounter_one_per_appointment UNIQUE (appointment_id),
    CONSTRAINT encounter_source_once UNIQUE (source_id),
    CONSTRAINT encounter_kind_known CHECK (kind IN ('OUTPATIENT', 'INPATIENT')),
    CONSTRAINT encounter_status_known CHECK (status IN ('OPEN', 'ENDED')),
    CONSTRAINT encounter_ends_after_start CHECK (ended_at IS NULL OR ended_at >= started_at),
    CONSTRAINT encounter_ended_has_end CHECK ((status = 'ENDED') = (ended_at IS NOT NULL))
);
CREATE INDEX encounter_by_patient ON encounter (patient_id, started_at);

CREATE TABLE clinical_note (
    id                    BIGINT       NOT NULL PRIMARY KEY,
    encounter_id          BIGINT       NOT NULL REFERENCES encounter (id),
    patient_id            BIGINT       NOT NULL REFERENCES patient (id),
    status                VARCHAR(8)   NOT NULL,
    presenting_complaint  VARCHAR(20000),
    findings              VARCHAR(20000),
    assessment            VARCHAR(20000),
    plan                  VARCHAR(20000),
    free_text             VARCHAR(20000),
    author_id             BIGINT       NOT NULL REFERENCES staff_account (id),
    author_name           VARCHAR(100) NOT NULL,
    created_at            TIMESTAMP WITH TIME ZONE NOT NULL,
    updated_at            TIMESTAMP WITH TIME ZONE NOT NULL,
    signed_at             TIMESTAMP WITH TIME ZONE,
    version               BIGINT       NOT NULL,
    CONSTRAINT clinical_note_status_known CHECK (status IN ('DRAFT', 'SIGNED')),
    CONSTRAINT clinical_note_signed_has_time CHECK ((status = 'SIGNED') = (signed_at IS NOT NULL))
);
CREATE INDEX clinical_note_by_encounter ON clinical_note (encounter_id);

-- Corrections to a signed note: the note itself never changes once signed.
CREATE TABLE note_addendum (
    id           BIGINT       NOT NULL PRIMARY KEY,
    note_id      BIGINT       NOT NULL REFERENCES clinical_note (id),
    text         VARCHAR(20000) NOT NULL,
    author_id    BIGINT       NOT NULL REFERENCES staff_account (id),
    author_name  VARCHAR(100) NOT NULL,
    added_at     TIMESTAMP WITH TIME ZONE NOT NULL
);
CREATE INDEX note_addendum_by_note ON note_addendum (note_id);

CREATE TABLE problem (
    id            BIGINT       NOT NULL PRIMARY KEY,
    patient_id    BIGINT       NOT NULL REFERENCES patient (id),
    code          VARCHAR(8),
    title         VARCHAR(300) NOT NULL,
    status        VARCHAR(10)  NOT NULL,
    -- The code while the problem is active, else NULL: the unique constraint below then forbids the same
    -- code active twice on one list (two doctors adding it at once: the second is told) and lets history
    -- keep any number of resolved ones.
    active_code   VARCHAR(8),
    onset         DATE,
    resolved_on   DATE,
    note          VARCHAR(2000),
    source_code   VARCHAR(40),
    encounter_id  BIGINT       REFERENCES encounter (id),
    recorded_by   VARCHAR(100) NOT NULL,
    recorded_at   TIMESTAMP WITH TIME ZONE NOT NULL,
    updated_by    VARCHAR(100) NOT NULL,
    updated_at    TIMESTAMP WITH TIME ZONE NOT NULL,
    version       BIGINT       NOT NULL,
    CONSTRAINT problem_status_known CHECK (status IN ('ACTIVE', 'RESOLVED', 'INACTIVE')),
    CONSTRAINT problem_active_code_follows CHECK ((status = 'ACTIVE' AND code IS NOT NULL AND active_code = code)
        OR active_code IS NULL),
    CONSTRAINT problem_active_once UNIQUE (patient_id, active_code)
);
CREATE INDEX problem_by_patient ON problem (patient_id, status);

CREATE TABLE encounter_diagnosis (
    encounter_id  BIGINT       NOT NULL REFERENCES encounter (id),
    -- 1 is the primary diagnosis; billing puts them on claims in this order.
    position      INTEGER      NOT NULL,
    code          VARCHAR(8)   NOT NULL,
    title         VARCHAR(300) NOT NULL,
    PRIMARY KEY (encounter_id, position),
    CONSTRAINT encounter_diagnosis_code_once UNIQUE (encounter_id, code),
    CONSTRAINT encounter_diagnosis_position_range CHECK (position BETWEEN 1 AND 13)
);

CREATE TABLE allergy (
    id              BIGINT       NOT NULL PRIMARY KEY,
    patient_id      BIGINT       NOT NULL REFERENCES patient (id),
    category        VARCHAR(12)  NOT NULL,
    allergy_type    VARCHAR(12)  NOT NULL,
    substance_code  VARCHAR(100),
    substance       VARCHAR(200) NOT NULL,
    reaction        VARCHAR(200),
    severity        VARCHAR(10),
    verified        BOOLEAN      NOT NULL,
    status          VARCHAR(16)  NOT NULL,
    recorded_by     VARCHAR(100) NOT NULL,
    recorded_at     TIMESTAMP WITH TIME ZONE NOT NULL,
    updated_by      VARCHAR(100) NOT NULL,
    updated_at      TIMESTAMP WITH TIME ZONE NOT NULL,
    version         BIGINT       NOT NULL,
    CONSTRAINT allergy_category_known CHECK (category IN ('DRUG', 'FOOD', 'ENVIRONMENT', 'OTHER')),
    CONSTRAINT allergy_type_known CHECK (allergy_type IN ('ALLERGY', 'INTOLERANCE')),
    CONSTRAINT allergy_status_known CHECK (status IN ('ACTIVE', 'RESOLVED', 'ENTERED_IN_ERROR')),
    CONSTRAINT allergy_severity_known CHECK (severity IS NULL OR severity IN ('MILD', 'MODERATE', 'SEVERE')),
    CONSTRAINT allergy_drug_is_coded CHECK (category <> 'DRUG' OR substance_code IS NOT NULL)
);
CREATE INDEX allergy_by_patient ON allergy (patient_id);

-- "No known drug allergies" is a statement someone made, with who and when; no row means nobody asked.
CREATE TABLE allergy_statement (
    patient_id   BIGINT       NOT NULL PRIMARY KEY REFERENCES patient (id),
    state        VARCHAR(24)  NOT NULL,
    recorded_by  VARCHAR(100) NOT NULL,
    recorded_at  TIMESTAMP WITH TIME ZONE NOT NULL,
    version      BIGINT       NOT NULL,
    CONSTRAINT allergy_statement_state_known CHECK (state IN ('NO_KNOWN_DRUG_ALLERGIES', 'HAS_ALLERGIES'))
);
