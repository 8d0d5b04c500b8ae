-- The billing office: a versioned price list, charges captured from care, invoices numbered in a gap-free
-- series per year, and payments. Money is NUMERIC(12,2) in the hospital's one currency (decision 0801).
-- Ids of every billing table, taken by plain SQL one at a time (no entity allocates from it).
CREATE SEQUENCE billing_seq START WITH 1000 INCREMENT BY 1;

-- A price of an item from a date: a new price is a new row, so a charge made earlier keeps its own copy.
CREATE TABLE billing_price (
    id              BIGINT        NOT NULL PRIMARY KEY,
    item_code       VARCHAR(30)   NOT NULL,
    description     VARCHAR(200)  NOT NULL,
    -- CONSULTATION, PROCEDURE (later LAB_TEST, MEDICINE, BED_DAY through the same capture).
    category        VARCHAR(20)   NOT NULL,
    unit_price      NUMERIC(12,2) NOT NULL,
    tax_rate        NUMERIC(5,2)  NOT NULL,
    valid_from      DATE          NOT NULL,
    -- The item is withdrawn from this day on; NULL: open-ended.
    valid_to        DATE,
    created_by      VARCHAR(100)  NOT NULL,
    created_at      TIMESTAMP WITH TIME ZONE NOT NULL,
    CONSTRAINT billing_price_version_unique UNIQUE (item_code, valid_from),
    CONSTRAINT billing_price_not_negative CHECK (unit_price >= 0),
    CONSTRAINT billing_price_tax_rate CHECK (tax_rate >= 0 AND tax_rate <= 100),
    CONSTRAINT billing_price_validity CHECK (valid_to IS NULL OR valid_to > valid_from)
);

CREATE TABLE billing_invoice (
    id              BIGINT        NOT NULL PRIMARY KEY,
    patient_id      BIGINT        NOT NULL REFERENCES patient (id),
    -- The consultation (appointment) the invoice is for; NULL: all the patient's open charges.
    appointment_id  BIGINT,
    status          VARCHAR(10)   NOT NULL,
    invoice_year    INTEGER,
    invoice_seq     INTEGER,
    invoice_number  VARCHAR(20),
    currency        CHAR(3)       NOT NULL,
    net_total       NUMERIC(12,2) NOT NULL,
    tax_total       NUMERIC(12,2) NOT NULL,
    total           NUMERIC(12,2) NOT NULL,
    paid            NUMERIC(12,2) NOT NULL,
    print_count     INTEGER       NOT NULL,
    issued_at       TIMESTAMP WITH TIME ZONE,
    issued_by       VARCHAR(100),
    created_at      TIMESTAMP WITH TIME ZONE NOT NULL,
    created_by      VARCHAR(100)  NOT NULL,
    version         BIGINT        NOT NULL,
    updated_at      TIMESTAMP WITH TIME ZONE NOT NULL,
    updated_by      VARCHAR(100)  NOT NULL,
    CONSTRAINT billing_invoice_status CHECK (status IN ('DRAFT', 'ISSUED')),
    CONSTRAINT billing_invoice_number_unique UNIQUE (invoice_number),
    CONSTRAINT billing_invoice_series_unique UNIQUE (invoice_year, invoice_seq),
    CONSTRAINT billing_invoice_numbered_when_issued CHECK ((status = 'DRAFT' AND invoice_number IS NULL
        AND invoice_seq IS NULL) OR (status = 'ISSUED' AND invoice_number IS NOT NULL AND invoice_seq IS NOT NULL
        AND issued_at IS NOT NULL)),
    -- The balance is never wrong: nothing pays more than the invoice's total.
    CONSTRAINT billing_invoice_paid_range CHECK (paid >= 0 AND paid <= total),
    CONSTRAINT billing_invoice_paid_only_when_issued CHECK (status = 'ISSUED' OR paid = 0)
);
CREATE INDEX billing_invoice_by_patient ON billing_invoice (patient_id, id);

-- The last number given in a year's series; its row lock, held to commit, orders the issuing transactions.
CREATE TABLE billing_invoice_counter (
    invoice_year    INTEGER       NOT NULL PRIMARY KEY,
    last_seq        INTEGER       NOT NULL
);

CREATE TABLE billing_charge (
    id              BIGINT        NOT NULL PRIMARY KEY,
    patient_id      BIGINT        NOT NULL REFERENCES patient (id),
    appointment_id  BIGINT        REFERENCES appointment (id),
    -- The clinical event that made the charge ("consultation:<appointment id>"); NULL for manual charges and
    -- reversals. Unique: an event never charges twice.
    source_key      VARCHAR(80),
    origin          VARCHAR(10)   NOT NULL,
    item_code       VARCHAR(30)   NOT NULL,
    description     VARCHAR(200)  NOT NULL,
    quantity        INTEGER       NOT NULL,
    -- Copied from the price list at capture: a later price never changes what was charged.
    unit_price      NUMERIC(12,2) NOT NULL,
    tax_rate        NUMERIC(5,2)  NOT NULL,
    net_amount      NUMERIC(12,2) NOT NULL,
    tax_amount      NUMERIC(12,2) NOT NULL,
    total           NUMERIC(12,2) NOT NULL,
    currency        CHAR(3)       NOT NULL,
    service_date    DATE          NOT NULL,
    status          VARCHAR(10)   NOT NULL,
    reason          VARCHAR(300),
    -- A reversal names the charge it cancels; a charge is reversed at most once.
    reverses_id     BIGINT        REFERENCES billing_charge (id),
    invoice_id      BIGINT        REFERENCES billing_invoice (id),
    created_at      TIMESTAMP WITH TIME ZONE NOT NULL,
    created_by      VARCHAR(100)  NOT NULL,
    version         BIGINT        NOT NULL,
    CONSTRAINT billing_charge_source_unique UNIQUE (source_key),
    CONSTRAINT billing_charge_reversed_once UNIQUE (reverses_id),
    CONSTRAINT billing_charge_origin CHECK (origin IN ('CAPTURED', 'MANUAL', 'REVERSAL')),
    CONSTRAINT billing_charge_status CHECK (status IN ('OPEN', 'INVOICED', 'REVERSED', 'REVERSAL')),
    CONSTRAINT billing_charge_quantity CHECK (quantity <> 0),
    CONSTRAINT billing_charge_reason_when_manual CHECK (origin = 'CAPTURED' OR reason IS NOT NULL),
    CONSTRAINT billing_charge_reversal_names_charge CHECK ((origin = 'REVERSAL') = (reverses_id IS NOT NULL)),
    CONSTRAINT billing_charge_invoiced_has_invoice CHECK ((status = 'INVOICED') = (invoice_id IS NOT NULL))
);
CREATE INDEX billing_charge_by_patient ON billing_charge (patient_id, status);
CREATE INDEX billing_charge_by_invoice ON billing_charge (invoice_id);

CREATE TABLE billing_payment (
    id              BIGINT        NOT NULL PRIMARY KEY,
    invoice_id      BIGINT        NOT NULL REFERENCES billing_invoice (id),
    method          VARCHAR(15)   NOT NULL,
    amount          NUMERIC(12,2) NOT NULL,
    currency        CHAR(3)       NOT NULL,
    -- The card terminal's or the bank's reference; required for card and bank transfer.
    reference       VARCHAR(60),
    received_at     TIMESTAMP WITH TIME ZONE NOT NULL,
    received_by     VARCHAR(100)  NOT NULL,
    -- What the invoice still owed after this payment (printed on the receipt).
    due_after       NUMERIC(12,2) NOT NULL,
    print_count     INTEGER       NOT NULL,
    CONSTRAINT billing_payment_method CHECK (method IN ('CASH', 'CARD', 'BANK_TRANSFER')),
    CONSTRAINT billing_payment_positive CHECK (amount > 0 AND due_after >= 0),
    CONSTRAINT billing_payment_reference CHECK (method = 'CASH' OR reference IS NOT NULL)
);
CREATE INDEX billing_payment_by_invoice ON billing_payment (invoice_id);
