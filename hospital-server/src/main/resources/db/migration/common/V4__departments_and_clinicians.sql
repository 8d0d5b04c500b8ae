-- The hospital's departments and the staff who can be booked (clinicians). A clinician is a staff account
-- with a home department; the account keeps the name and the sign-in, this row keeps what scheduling needs.
CREATE SEQUENCE department_id_seq START WITH 50 INCREMENT BY 50;

CREATE TABLE department (
    id         BIGINT       NOT NULL PRIMARY KEY,
    code       VARCHAR(20)  NOT NULL,
    name       VARCHAR(100) NOT NULL,
    -- The specialty patients are referred to, e.g. "Cardiology"; finding free slots "for any cardiologist"
    -- goes through it.
    specialty  VARCHAR(60)  NOT NULL,
    active     BOOLEAN      NOT NULL,
    version    BIGINT       NOT NULL,
    CONSTRAINT department_code_unique UNIQUE (code),
    CONSTRAINT department_code_upper CHECK (code = UPPER(code))
);

CREATE TABLE clinician (
    staff_id       BIGINT      NOT NULL PRIMARY KEY REFERENCES staff_account (id),
    department_id  BIGINT      NOT NULL REFERENCES department (id),
    specialty      VARCHAR(60) NOT NULL,
    -- Off for staff who keep a clinician profile but take no appointments (on leave for months, retired).
    bookable       BOOLEAN     NOT NULL,
    version        BIGINT      NOT NULL
);

CREATE INDEX clinician_by_department ON clinician (department_id);
