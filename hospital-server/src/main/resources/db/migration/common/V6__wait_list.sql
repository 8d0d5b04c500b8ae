-- Patients waiting for an appointment with a clinician, or with anyone in a department, between two days.
-- open_target is 'C<clinician id>' or 'D<department id>' while the entry is open and NULL once removed, so
-- that a patient is on one list at most once (a retried add finds the open entry instead of adding another).
CREATE SEQUENCE wait_list_id_seq START WITH 1 INCREMENT BY 1;

CREATE TABLE wait_list_entry (
    id              BIGINT       NOT NULL PRIMARY KEY,
    patient_id      BIGINT       NOT NULL REFERENCES patient (id),
    clinician_id    BIGINT       REFERENCES clinician (staff_id),
    department_id   BIGINT       NOT NULL REFERENCES department (id),
    earliest        DATE         NOT NULL,
    latest          DATE         NOT NULL,
    visit_type      VARCHAR(20)  NOT NULL,
    reason          VARCHAR(500),
    status          VARCHAR(10)  NOT NULL,
    open_target     VARCHAR(30),
    removed_reason  VARCHAR(500),
    removed_by      VARCHAR(100),
    removed_at      TIMESTAMP WITH TIME ZONE,
    added_by        VARCHAR(100) NOT NULL,
    added_at        TIMESTAMP WITH TIME ZONE NOT NULL,
    version         BIGINT       NOT NULL,
    CONSTRAINT wait_list_one_open_entry UNIQUE (patient_id, open_target),
    CONSTRAINT wait_list_days CHECK (earliest <= latest),
    CONSTRAINT wait_list_status_known CHECK (status IN ('OPEN', 'REMOVED')),
    CONSTRAINT wait_list_open_target CHECK (status = 'OPEN' AND open_target IS NOT NULL
        OR status = 'REMOVED' AND open_target IS NULL)
);

CREATE INDEX wait_list_by_department ON wait_list_entry (department_id, status, added_at);
