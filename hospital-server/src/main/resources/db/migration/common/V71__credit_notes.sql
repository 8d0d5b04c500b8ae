-- Credit notes: an issued invoice never changes; a credit note corrects it, with its own gap-free number series
-- per year (CN-2026-000001) taken the way invoice numbers are (decision 0802). Discarded drafts (decision 0803).

-- A draft may be discarded: it keeps no number and its charges are open again.
ALTER TABLE billing_invoice DROP CONSTRAINT billing_invoice_status;
ALTER TABLE billing_invoice ADD CONSTRAINT billing_invoice_status CHECK (status IN ('DRAFT', 'ISSUED', 'DISCARDED'));
ALTER TABLE billing_invoice DROP CONSTRAINT billing_invoice_numbered_when_issued;
ALTER TABLE billing_invoice ADD CONSTRAINT billing_invoice_numbered_when_issued CHECK (
    (status IN ('DRAFT', 'DISCARDED') AND invoice_number IS NULL AND invoice_seq IS NULL)
    OR (status = 'ISSUED' AND invoice_number IS NOT NULL AND invoice_seq IS NOT NULL AND issued_at IS NOT NULL));

-- The last credit note number given in a year; its row lock, held to commit, orders the issuing transactions.
CREATE TABLE billing_credit_note_counter (
    credit_year     INTEGER       NOT NULL PRIMARY KEY,
    last_seq        INTEGER       NOT NULL
);

CREATE TABLE billing_credit_note (
    id              BIGINT        NOT NULL PRIMARY KEY,
    invoice_id      BIGINT        NOT NULL REFERENCES billing_invoice (id),
    patient_id      BIGINT        NOT NULL REFERENCES patient (id),
    credit_year     INTEGER       NOT NULL,
    credit_seq      INTEGER       NOT NULL,
    credit_number   VARCHAR(20)   NOT NULL,
    -- CORRECTION: the charges were right, the invoice was not (payer, details): they are open again to be
    -- invoiced anew. CHARGED_IN_ERROR: the charges were wrong: they are reversed.
    kind            VARCHAR(20)   NOT NULL,
    reason          VARCHAR(300)  NOT NULL,
    currency        CHAR(3)       NOT NULL,
    -- Negative: what the note takes off the invoice.
    net_total       NUMERIC(12,2) NOT NULL,
    tax_total       NUMERIC(12,2) NOT NULL,
    total           NUMERIC(12,2) NOT NULL,
    print_count     INTEGER       NOT NULL,
    created_at      TIMESTAMP WITH TIME ZONE NOT NULL,
    created_by      VARCHAR(100)  NOT NULL,
    CONSTRAINT billing_credit_note_number_unique UNIQUE (credit_number),
    CONSTRAINT billing_credit_note_series_unique UNIQUE (credit_year, credit_seq),
    -- This slice credits whole invoices only: an invoice is credited at most once.
    CONSTRAINT billing_credit_note_once UNIQUE (invoice_id),
    CONSTRAINT billing_credit_note_kind CHECK (kind IN ('CORRECTION', 'CHARGED_IN_ERROR')),
    CONSTRAINT billing_credit_note_negative CHECK (total <= 0 AND net_total <= 0 AND tax_total <= 0)
);
CREATE INDEX billing_credit_note_by_patient ON billing_credit_note (patient_id, id);

-- The charges a credit note took off its invoice (the invoice still shows them as its lines when reprinted).
CREATE TABLE billing_credit_note_line (
    credit_note_id  BIGINT        NOT NULL REFERENCES billing_credit_note (id),
    charge_id       BIGINT        NOT NULL REFERENCES billing_charge (id),
    PRIMARY KEY (credit_note_id, charge_id)
);
CREATE INDEX billing_credit_note_line_by_charge ON billing_credit_note_line (charge_id);
