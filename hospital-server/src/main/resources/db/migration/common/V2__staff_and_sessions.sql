-- Staff accounts, their roles and their sign-in sessions.
-- A session row holds only the SHA-256 of its bearer token (hex): a copy of this table does not let anyone
-- act as a signed-in user. Times are instants (TIMESTAMP WITH TIME ZONE, written in UTC).
CREATE SEQUENCE staff_account_id_seq START WITH 50 INCREMENT BY 50;
CREATE SEQUENCE staff_session_id_seq START WITH 50 INCREMENT BY 50;

CREATE TABLE staff_account (
    id             BIGINT       NOT NULL PRIMARY KEY,
    username       VARCHAR(64)  NOT NULL,
    display_name   VARCHAR(100) NOT NULL,
    -- PHC string, e.g. $argon2id$v=19$m=19456,t=2,p=1$<salt>$<hash>
    password_hash  VARCHAR(200) NOT NULL,
    enabled        BOOLEAN      NOT NULL,
    failed_logins  INTEGER      NOT NULL,
    locked_until   TIMESTAMP WITH TIME ZONE,
    created_at     TIMESTAMP WITH TIME ZONE NOT NULL,
    version        BIGINT       NOT NULL,
    CONSTRAINT staff_account_username_unique UNIQUE (username),
    CONSTRAINT staff_account_failed_logins_not_negative CHECK (failed_logins >= 0)
);

CREATE TABLE staff_role (
    staff_id  BIGINT      NOT NULL REFERENCES staff_account (id) ON DELETE CASCADE,
    role      VARCHAR(20) NOT NULL,
    PRIMARY KEY (staff_id, role),
    -- A new role needs a migration: the set of roles is part of the security model, not data.
    CONSTRAINT staff_role_known CHECK (role IN ('RECEPTION', 'NURSE', 'DOCTOR', 'BILLING', 'ADMIN'))
);

CREATE TABLE staff_session (
    id            BIGINT       NOT NULL PRIMARY KEY,
    token_hash    VARCHAR(64)  NOT NULL,
    staff_id      BIGINT       NOT NULL REFERENCES staff_account (id),
    created_at    TIMESTAMP WITH TIME ZONE NOT NULL,
    last_seen_at  TIMESTAMP WITH TIME ZONE NOT NULL,
    ended_at      TIMESTAMP WITH TIME ZONE,
    end_reason    VARCHAR(20),
    peer          VARCHAR(100) NOT NULL,
    workstation   VARCHAR(100) NOT NULL,
    CONSTRAINT staff_session_token_hash_unique UNIQUE (token_hash),
    CONSTRAINT staff_session_token_hash_is_sha256 CHECK (CHAR_LENGTH(token_hash) = 64),
    CONSTRAINT staff_session_end_complete CHECK (
        (ended_at IS NULL AND end_reason IS NULL) OR (ended_at IS NOT NULL AND end_reason IS NOT NULL))
);

CREATE INDEX staff_session_by_staff ON staff_session (staff_id, ended_at);
