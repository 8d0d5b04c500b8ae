-- How many times each stay's wristband has been printed: the second and later prints say COPY, so that a ward
-- can tell a replacement band from a second patient's band left lying around.
ALTER TABLE inpatient_stay ADD COLUMN wristband_prints INTEGER DEFAULT 0 NOT NULL;
