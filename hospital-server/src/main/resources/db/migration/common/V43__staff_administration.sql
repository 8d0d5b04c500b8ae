-- Staff administration: a password set by an administrator (a new account, a reset) must be changed by its
-- user at the next sign-in; who changed an account last, and when, answers a stale edit. A locked account is
-- the existing "enabled = FALSE".
ALTER TABLE staff_account ADD COLUMN password_must_change BOOLEAN DEFAULT FALSE NOT NULL;
ALTER TABLE staff_account ADD COLUMN updated_at TIMESTAMP WITH TIME ZONE;
ALTER TABLE staff_account ADD COLUMN updated_by VARCHAR(64);
