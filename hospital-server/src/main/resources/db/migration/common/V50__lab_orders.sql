-- Laboratory orders, their results and the values corrections replaced. The catalogue of tests (LOINC codes,
-- units, reference ranges) ships with the server (decision 0601); an order names its tests by catalogue code.
CREATE TABLE lab_order (
    id                BIGINT        NOT NULL PRIMARY KEY,
    -- "L" + id + check digit, printed as a Code 128 barcode on the specimen label.
    accession         VARCHAR(24)   NOT NULL,
    patient_id        BIGINT        NOT NULL REFERENCES patient (id),
    encounter_id      BIGINT        NOT NULL REFERENCES encounter (id),
    -- Catalogue codes, ';'-separated, in the order asked for.
    test_codes        VARCHAR(400)  NOT NULL,
    priority          VARCHAR(10)   NOT NULL,
    clinical_question VARCHAR(500),
    specimen_type     VARCHAR(24)   NOT NULL,
    status            VARCHAR(12)   NOT NULL,
    ordered_by_id     BIGINT        NOT NULL REFERENCES staff_account (id),
    ordered_by        VARCHAR(100)  NOT NULL,
    ordered_at        TIMESTAMP WITH TIME ZONE NOT NULL,
    collected_by      VARCHAR(100),
    collected_at      TIMESTAMP WITH TIME ZONE,
    received_by       VARCHAR(100),
    received_at       TIMESTAMP WITH TIME ZONE,
    cancelled_by      VARCHAR(100),
    cancelled_at      TIMESTAMP WITH TIME ZONE,
    cancel_reason     VARCHAR(500),
    updated_by        VARCHAR(100)  NOT NULL,
    updated_at        TIMESTAMP WITH TIME ZONE NOT NULL,
    version           BIGINT        NOT NULL,
    CONSTRAINT lab_order_accession_unique UNIQUE (accession),
    CONSTRAINT lab_order_status_known CHECK (status IN ('ORDERED', 'COLLECTED', 'RECEIVED', 'PRELIMINARY',
        'FINAL', 'CORRECTED', 'CANCELLED')),
    CONSTRAINT lab_order_priority_known CHECK (priority IN ('ROUTINE', 'URGENT', 'STAT')),
    CONSTRAINT lab_order_cancel_reason CHECK (status <> 'CANCELLED' OR cancel_reason IS NOT NULL),
    -- A specimen is collected before it is received, and received before anything is resulted.
    CONSTRAINT lab_order_collected CHECK (status IN ('ORDERED', 'CANCELLED') OR collected_at IS NOT NULL),
    CONSTRAINT lab_order_received CHECK (status IN ('ORDERED', 'COLLECTED', 'CANCELLED')
        OR received_at IS NOT NULL)
);
CREATE INDEX lab_order_patient ON lab_order (patient_id, ordered_at);
CREATE INDEX lab_order_status ON lab_order (status);

CREATE TABLE lab_result (
    id             BIGINT        NOT NULL PRIMARY KEY,
    order_id       BIGINT        NOT NULL REFERENCES lab_order (id),
    analyte_code   VARCHAR(20)   NOT NULL,
    numeric_value  NUMERIC(18,6),
    coded_value    VARCHAR(40),
    unit           VARCHAR(30),
    flag           VARCHAR(14)   NOT NULL,
    -- The reference range applied for this patient, as shown ("3.5-5.1").
    reference_range VARCHAR(40),
    status         VARCHAR(12)   NOT NULL,
    entered_by     VARCHAR(100)  NOT NULL,
    entered_at     TIMESTAMP WITH TIME ZONE NOT NULL,
    version        BIGINT        NOT NULL,
    CONSTRAINT lab_result_one_per_analyte UNIQUE (order_id, analyte_code),
    CONSTRAINT lab_result_one_value CHECK ((numeric_value IS NULL AND coded_value IS NOT NULL)
        OR (numeric_value IS NOT NULL AND coded_value IS NULL)),
    CONSTRAINT lab_result_flag_known CHECK (flag IN ('NORMAL', 'LOW', 'HIGH', 'CRITICAL_LOW', 'CRITICAL_HIGH',
        'ABNORMAL')),
    CONSTRAINT lab_result_status_known CHECK (status IN ('PRELIMINARY', 'FINAL', 'CORRECTED'))
);

-- A final value that a correction replaced: never updated, never deleted.
CREATE TABLE lab_result_revision (
    id             BIGINT        NOT NULL PRIMARY KEY,
    result_id      BIGINT        NOT NULL REFERENCES lab_result (id),
    numeric_value  NUMERIC(18,6),
    coded_value    VARCHAR(40),
    unit           VARCHAR(30),
    flag           VARCHAR(14)   NOT NULL,
    entered_by     VARCHAR(100)  NOT NULL,
    entered_at     TIMESTAMP WITH TIME ZONE NOT NULL,
    changed_by     VARCHAR(100)  NOT NULL,
    changed_at     TIMESTAMP WITH TIME ZONE NOT NULL,
    reason         VARCHAR(500)  NOT NULL
);
CREATE INDEX lab_result_revision_result ON lab_result_revision (result_id);

CREATE SEQUENCE lab_id_seq START WITH 50 INCREMENT BY 50;
