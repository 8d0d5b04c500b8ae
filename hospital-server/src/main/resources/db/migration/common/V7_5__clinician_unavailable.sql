-- Set on a booked appointment whose time is no longer a slot of its clinician's schedule (leave, blocked time, a
-- changed weekly template), cleared when the schedule covers it again. Kept on the row, and changed in the same
-- transaction as the schedule edit with a schedule event, so that every workstation's snapshot and live stream
-- agree on it. See docs/decisions/0311-clinician-unavailable.md.
ALTER TABLE appointment ADD COLUMN clinician_unavailable BOOLEAN DEFAULT FALSE NOT NULL;
