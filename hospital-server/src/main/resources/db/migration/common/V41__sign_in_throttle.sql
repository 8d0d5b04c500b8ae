-- Failed sign-ins are throttled per (name, address) and per address instead of locking the account: a lock
-- that anyone can trigger keeps the real user out and tells a stranger which names exist. The rows hold
-- names as typed, whether or not they are accounts, so the table itself says nothing about which exist.
CREATE TABLE sign_in_throttle (
    -- "name:<username>@<address>" or "address:<address>"
    throttle_key     VARCHAR(300) NOT NULL PRIMARY KEY,
    scope            VARCHAR(20)  NOT NULL,
    username         VARCHAR(64),
    address          VARCHAR(100) NOT NULL,
    last_workstation VARCHAR(100) NOT NULL,
    failures         INTEGER      NOT NULL,
    window_start     TIMESTAMP WITH TIME ZONE NOT NULL,
    last_failure_at  TIMESTAMP WITH TIME ZONE NOT NULL,
    blocked_until    TIMESTAMP WITH TIME ZONE,
    version          BIGINT       NOT NULL,
    CONSTRAINT sign_in_throttle_scope_known CHECK (scope IN ('NAME_AT_ADDRESS', 'ADDRESS')),
    CONSTRAINT sign_in_throttle_name_given CHECK ((scope = 'ADDRESS') = (username IS NULL)),
    -- 0 only between an attempt's row being made and its failure being counted
    CONSTRAINT sign_in_throttle_failures_not_negative CHECK (failures >= 0)
);

CREATE INDEX sign_in_throttle_by_last_failure ON sign_in_throttle (last_failure_at);

-- The account lock is gone with its counter.
ALTER TABLE staff_account DROP CONSTRAINT staff_account_failed_logins_not_negative;
ALTER TABLE staff_account DROP COLUMN failed_logins;
ALTER TABLE staff_account DROP COLUMN locked_until;
