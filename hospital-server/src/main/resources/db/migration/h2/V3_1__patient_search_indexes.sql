CREATE INDEX patient_by_name ON patient (family_key, given_key, id);
CREATE INDEX patient_by_sound ON patient (family_sound, given_sound);
CREATE INDEX patient_by_birth_date ON patient (birth_date, family_key, given_key);
CREATE INDEX patient_by_phone ON patient (phone_key);
