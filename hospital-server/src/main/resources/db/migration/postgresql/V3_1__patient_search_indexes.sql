-- Byte order for the folded keys: prefix LIKE and ORDER BY then both use the same B-tree, whatever the
-- database's locale.
ALTER TABLE patient ALTER COLUMN family_key TYPE VARCHAR(100) COLLATE "C";
ALTER TABLE patient ALTER COLUMN given_key TYPE VARCHAR(100) COLLATE "C";
ALTER TABLE name_variant ALTER COLUMN variant TYPE VARCHAR(100) COLLATE "C";
ALTER TABLE name_variant ALTER COLUMN name_key TYPE VARCHAR(100) COLLATE "C";

CREATE INDEX patient_by_name ON patient (family_key, given_key, id);
CREATE INDEX patient_by_sound ON patient (family_sound, given_sound);
CREATE INDEX patient_by_birth_date ON patient (birth_date, family_key, given_key);
CREATE INDEX patient_by_phone ON patient (phone_key);
