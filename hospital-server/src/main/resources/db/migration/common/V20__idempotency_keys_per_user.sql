-- Idempotency keys belong to the staff member who sent them, and patient registrations use the same keys
-- as bookings (see docs/decisions/0008-idempotency-keys-per-user.md). The key table gets the sender in its
-- primary key and a result column that names an appointment or a patient (the operation says which).
CREATE TABLE idempotency_key_by_owner (
    owner_id     BIGINT       NOT NULL,
    idem_key     VARCHAR(64)  NOT NULL,
    operation    VARCHAR(30)  NOT NULL,
    fingerprint  VARCHAR(64)  NOT NULL,
    result_id    BIGINT       NOT NULL,
    created_by   VARCHAR(100) NOT NULL,
    created_at   TIMESTAMP WITH TIME ZONE NOT NULL,
    CONSTRAINT idempotency_key_owner_pk PRIMARY KEY (owner_id, idem_key)
);

-- Earlier keys only recorded the sender's display name; 0 (no staff member) where it names nobody, so such a
-- key is nobody's to replay.
INSERT INTO idempotency_key_by_owner (owner_id, idem_key, operation, fingerprint, result_id, created_by,
    created_at)
SELECT COALESCE((SELECT MIN(s.id) FROM staff_account s WHERE s.display_name = k.created_by), 0), k.idem_key,
    k.operation, k.fingerprint, k.appointment_id, k.created_by, k.created_at
FROM idempotency_key k;

DROP TABLE idempotency_key;
ALTER TABLE idempotency_key_by_owner RENAME TO idempotency_key;

-- Registrations made with a request id keep answering their retries, as the sender's keys. Their request
-- was not fingerprinted; the same id with any request now is refused rather than creating a second patient.
INSERT INTO idempotency_key (owner_id, idem_key, operation, fingerprint, result_id, created_by, created_at)
SELECT COALESCE((SELECT MIN(s.id) FROM staff_account s WHERE s.display_name = p.created_by), 0), p.request_id,
    'register-patient', 'not recorded', p.id, p.created_by, p.created_at
FROM patient p WHERE p.request_id IS NOT NULL AND NOT EXISTS (SELECT 1 FROM idempotency_key k
    WHERE k.idem_key = p.request_id
      AND k.owner_id = COALESCE((SELECT MIN(s.id) FROM staff_account s WHERE s.display_name = p.created_by), 0));

-- The patient's request id stays as a record of how it was registered; it is no longer unique, since two
-- staff members may each use the same one.
ALTER TABLE patient DROP CONSTRAINT patient_request_id_unique;
