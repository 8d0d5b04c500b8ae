-- The doctors' results inbox (docs/decisions/0602-results-inbox-per-doctor.md). An acknowledgement holds the
-- order's version the ordering doctor saw: the order is out of the inbox while its version is still that one,
-- and a later result or correction (which bumps the version) brings it back without touching this row.
CREATE TABLE lab_results_acknowledgement (
    order_id             BIGINT       NOT NULL PRIMARY KEY REFERENCES lab_order (id),
    doctor_id            BIGINT       NOT NULL REFERENCES staff_account (id),
    acknowledged_version BIGINT       NOT NULL,
    acknowledged_at      TIMESTAMP WITH TIME ZONE NOT NULL
);

-- The live results inbox (SubscribeResultsInbox), one event per changed order, on the one live hub
-- (docs/decisions/0313-one-live-feed.md). doctor_id is the ordering doctor: each subscriber gets only its own.
CREATE TABLE results_inbox_sequence (
    id        INTEGER NOT NULL PRIMARY KEY,
    last_seq  BIGINT  NOT NULL,
    CONSTRAINT results_inbox_sequence_single_row CHECK (id = 1)
);

INSERT INTO results_inbox_sequence (id, last_seq) VALUES (1, 0);

CREATE TABLE results_inbox_event (
    seq          BIGINT      NOT NULL PRIMARY KEY,
    occurred_at  TIMESTAMP WITH TIME ZONE NOT NULL,
    doctor_id    BIGINT      NOT NULL,
    order_id     BIGINT      NOT NULL,
    payload      BYTEA       NOT NULL
);

CREATE INDEX results_inbox_event_by_time ON results_inbox_event (occurred_at);
