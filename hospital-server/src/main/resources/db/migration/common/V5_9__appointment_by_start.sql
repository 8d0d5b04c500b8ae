-- A live subscription to "everything on one day" (the reception desk's day view of the whole hospital)
-- filters appointments by start time alone; without this index it walks every appointment of the year.
CREATE INDEX appointment_by_start ON appointment (start_at);
