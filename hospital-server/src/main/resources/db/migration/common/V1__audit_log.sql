-- Append-only, hash-chained audit log. Each entry's hash covers its fields and the previous entry's hash,
-- so changing or removing any entry breaks the chain from there on. The single head row is locked by every
-- append, which serialises appends across all server instances sharing the database.
CREATE TABLE audit_entry (
    seq          BIGINT       NOT NULL PRIMARY KEY,
    recorded_at  TIMESTAMP WITH TIME ZONE NOT NULL,
    actor        VARCHAR(64)  NOT NULL,
    roles        VARCHAR(200) NOT NULL,
    action       VARCHAR(40)  NOT NULL,
    patient_id   BIGINT       NOT NULL,
    detail       VARCHAR(500) NOT NULL,
    source       VARCHAR(200) NOT NULL,
    outcome      VARCHAR(10)  NOT NULL,
    prev_hash    VARCHAR(64)  NOT NULL,
    entry_hash   VARCHAR(64)  NOT NULL
);

CREATE INDEX audit_entry_by_patient ON audit_entry (patient_id, seq);
CREATE INDEX audit_entry_by_actor ON audit_entry (actor, seq);

CREATE TABLE audit_chain_head (
    id         INTEGER     NOT NULL PRIMARY KEY,
    last_seq   BIGINT      NOT NULL,
    last_hash  VARCHAR(64) NOT NULL,
    CONSTRAINT audit_chain_head_single_row CHECK (id = 1)
);

INSERT INTO audit_chain_head (id, last_seq, last_hash)
VALUES (1, 0, '0000000000000000000000000000000000000000000000000000000000000000');
