-- The formulary and prescriptions. Products are seeded at start-up from the shipped formulary (by code, so the
-- seed adds what a release brings and never touches what administrators added) and are never edited: a
-- prescription names the product it was written for.
CREATE TABLE formulary_product (
    id              BIGINT        NOT NULL PRIMARY KEY,
    code            VARCHAR(40)   NOT NULL,
    rxnorm          VARCHAR(20),
    name            VARCHAR(300)  NOT NULL,
    -- Ingredient codes of drug-ingredients.csv, ';'-separated, the order of the name.
    ingredients     VARCHAR(1000) NOT NULL,
    strength        VARCHAR(200),
    form            VARCHAR(60),
    route           VARCHAR(30),
    barcode         VARCHAR(14),
    -- The plausible adult dose per administration and per day, in dose_unit; NULL where not known.
    dose_unit       VARCHAR(20),
    dose_min        NUMERIC(14,4),
    dose_max        NUMERIC(14,4),
    dose_max_daily  NUMERIC(14,4),
    added_by        VARCHAR(100)  NOT NULL,
    added_at        TIMESTAMP WITH TIME ZONE NOT NULL,
    CONSTRAINT formulary_product_code_unique UNIQUE (code),
    CONSTRAINT formulary_product_barcode_unique UNIQUE (barcode),
    CONSTRAINT formulary_product_dose_range CHECK (dose_min IS NULL OR dose_max IS NULL
        OR (dose_min > 0 AND dose_min <= dose_max))
);
CREATE SEQUENCE formulary_product_seq START WITH 1000 INCREMENT BY 50;

-- What the printed prescription names the prescriber by (a medical council or licence number).
ALTER TABLE clinician ADD COLUMN registration_number VARCHAR(40);

CREATE TABLE prescription (
    id                      BIGINT        NOT NULL PRIMARY KEY,
    patient_id              BIGINT        NOT NULL REFERENCES patient (id),
    encounter_id            BIGINT        REFERENCES encounter (id),
    product_id              BIGINT        NOT NULL REFERENCES formulary_product (id),
    setting                 VARCHAR(12)   NOT NULL,
    dose                    NUMERIC(14,4) NOT NULL,
    dose_unit               VARCHAR(20)   NOT NULL,
    route                   VARCHAR(30)   NOT NULL,
    frequency               VARCHAR(10)   NOT NULL,
    prn_indication          VARCHAR(200),
    prn_min_interval_hours  INTEGER,
    start_date              DATE          NOT NULL,
    end_date                DATE,
    quantity                NUMERIC(14,2),
    quantity_unit           VARCHAR(30),
    refills                 INTEGER       NOT NULL,
    instructions            VARCHAR(1000),
    status                  VARCHAR(10)   NOT NULL,
    stop_reason             VARCHAR(20),
    stop_note               VARCHAR(500),
    stopped_by              VARCHAR(100),
    stopped_at              TIMESTAMP WITH TIME ZONE,
    -- A change stops the old prescription and writes this one; a renewal likewise.
    replaces_id             BIGINT        REFERENCES prescription (id),
    prescriber_id           BIGINT        NOT NULL REFERENCES staff_account (id),
    prescriber_name         VARCHAR(100)  NOT NULL,
    signed_at               TIMESTAMP WITH TIME ZONE NOT NULL,
    print_count             INTEGER       NOT NULL,
    source_id               VARCHAR(64),
    version                 BIGINT        NOT NULL,
    updated_by              VARCHAR(100)  NOT NULL,
    updated_at              TIMESTAMP WITH TIME ZONE NOT NULL,
    CONSTRAINT prescription_setting_known CHECK (setting IN ('OUTPATIENT', 'INPATIENT')),
    CONSTRAINT prescription_status_known CHECK (status IN ('ACTIVE', 'STOPPED')),
    CONSTRAINT prescription_frequency_known CHECK (frequency IN ('ONCE', 'DAILY', 'BID', 'TID', 'QID', 'Q4H',
        'Q6H', 'Q8H', 'AT_NIGHT', 'PRN', 'STAT')),
    CONSTRAINT prescription_dose_positive CHECK (dose > 0),
    CONSTRAINT prescription_quantity_positive CHECK (quantity IS NULL OR quantity > 0),
    CONSTRAINT prescription_refills_range CHECK (refills BETWEEN 0 AND 11),
    CONSTRAINT prescription_ends_after_start CHECK (end_date IS NULL OR end_date >= start_date),
    CONSTRAINT prescription_prn_has_indication CHECK (frequency <> 'PRN'
        OR (prn_indication IS NOT NULL AND prn_min_interval_hours > 0)),
    CONSTRAINT prescription_stopped_has_reason CHECK ((status = 'STOPPED') = (stop_reason IS NOT NULL
        AND stopped_at IS NOT NULL)),
    -- A prescription is replaced once: two doctors changing it at once cannot both win.
    CONSTRAINT prescription_replaced_once UNIQUE (replaces_id),
    CONSTRAINT prescription_source_once UNIQUE (source_id)
);
CREATE INDEX prescription_by_patient ON prescription (patient_id, status);

-- The alerts a prescriber overrode when signing, with the reason given: shown on the prescription and its print.
CREATE TABLE prescription_override (
    prescription_id  BIGINT        NOT NULL REFERENCES prescription (id),
    alert_key        VARCHAR(120)  NOT NULL,
    kind             VARCHAR(32)   NOT NULL,
    summary          VARCHAR(500)  NOT NULL,
    reason           VARCHAR(500)  NOT NULL,
    PRIMARY KEY (prescription_id, alert_key)
);

-- The key of the check value printed with a prescription's id ("<id>-<check>"): a pharmacy that reads the code
-- back to the hospital learns whether the hospital wrote it. Made once by the first server that needs it.
CREATE TABLE prescription_code_key (
    id      INTEGER      NOT NULL PRIMARY KEY,
    secret  VARCHAR(64)  NOT NULL,
    CONSTRAINT prescription_code_key_one CHECK (id = 1)
);
