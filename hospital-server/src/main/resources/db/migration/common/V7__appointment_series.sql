-- Recurring appointment series (weekly, every 2, 3 or 4 weeks). A series is booked all or nothing in one
-- transaction; its appointments are ordinary appointments that also name the series and their place in it,
-- so that cancelling "this and the following ones" can find them. See docs/decisions/0308-appointment-series.md.
CREATE SEQUENCE appointment_series_id_seq START WITH 1 INCREMENT BY 1;

CREATE TABLE appointment_series (
    id              BIGINT       NOT NULL PRIMARY KEY,
    clinician_id    BIGINT       NOT NULL REFERENCES clinician (staff_id),
    patient_id      BIGINT       NOT NULL REFERENCES patient (id),
    occurrences     INTEGER      NOT NULL,
    interval_weeks  INTEGER      NOT NULL,
    created_by      VARCHAR(100) NOT NULL,
    created_at      TIMESTAMP WITH TIME ZONE NOT NULL,
    CONSTRAINT appointment_series_occurrences CHECK (occurrences BETWEEN 2 AND 26),
    CONSTRAINT appointment_series_interval CHECK (interval_weeks BETWEEN 1 AND 4)
);

-- All three are set for a member of a series and NULL otherwise; position is 1-based.
ALTER TABLE appointment ADD COLUMN series_id BIGINT REFERENCES appointment_series (id);
ALTER TABLE appointment ADD COLUMN series_position INTEGER;
ALTER TABLE appointment ADD COLUMN series_count INTEGER;
ALTER TABLE appointment ADD CONSTRAINT appointment_series_member CHECK (
    series_id IS NULL AND series_position IS NULL AND series_count IS NULL
    OR series_id IS NOT NULL AND series_position BETWEEN 1 AND series_count);

CREATE INDEX appointment_by_series ON appointment (series_id, series_position);
