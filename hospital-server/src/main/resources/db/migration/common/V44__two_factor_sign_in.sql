-- Two-step sign-in (RFC 6238 one-time codes). The secret is on the account row, which every call already
-- reads, so that knowing whether a session must set it up costs no extra query. The pending secret is the one
-- being set up, kept apart until a code from the app proves it was scanned. The last step is the 30-second
-- time step of the last accepted code: a code is accepted once, and never one older than it.
ALTER TABLE staff_account ADD COLUMN two_factor_secret VARCHAR(64);
ALTER TABLE staff_account ADD COLUMN two_factor_pending_secret VARCHAR(64);
ALTER TABLE staff_account ADD COLUMN two_factor_last_step BIGINT DEFAULT 0 NOT NULL;

-- Recovery codes, each signing in once in place of a one-time code; only their SHA-256 is kept.
CREATE TABLE staff_recovery_code (
  staff_id BIGINT NOT NULL REFERENCES staff_account (id),
  code_hash VARCHAR(64) NOT NULL,
  created_at TIMESTAMP WITH TIME ZONE NOT NULL,
  used_at TIMESTAMP WITH TIME ZONE,
  PRIMARY KEY (staff_id, code_hash)
);
