-- Patients. The *_key columns hold names folded for search (lower case, accents removed, letters only) and
-- the *_sound columns a phonetic code, so that search forgives accents, case and small misspellings.
CREATE SEQUENCE patient_id_seq START WITH 50 INCREMENT BY 50;
-- Source of medical record numbers: the MRN is this number followed by a Luhn check digit.
CREATE SEQUENCE patient_mrn_seq START WITH 1000000 INCREMENT BY 1;

CREATE TABLE patient (
    id              BIGINT       NOT NULL PRIMARY KEY,
    mrn             VARCHAR(16)  NOT NULL,
    family_name     VARCHAR(100) NOT NULL,
    given_names     VARCHAR(100) NOT NULL,
    family_key      VARCHAR(100) NOT NULL,
    given_key       VARCHAR(100) NOT NULL,
    family_sound    VARCHAR(16)  NOT NULL,
    given_sound     VARCHAR(16)  NOT NULL,
    birth_date      DATE         NOT NULL,
    sex             VARCHAR(10)  NOT NULL,
    phone           VARCHAR(30),
    phone_key       VARCHAR(20),
    national_id     VARCHAR(40),
    email           VARCHAR(120),
    address_line1   VARCHAR(200),
    address_line2   VARCHAR(200),
    city            VARCHAR(100),
    region          VARCHAR(100),
    postal_code     VARCHAR(20),
    country         VARCHAR(2),
    request_id      VARCHAR(64),
    version         BIGINT       NOT NULL,
    created_at      TIMESTAMP WITH TIME ZONE NOT NULL,
    created_by      VARCHAR(100) NOT NULL,
    updated_at      TIMESTAMP WITH TIME ZONE NOT NULL,
    updated_by      VARCHAR(100) NOT NULL,
    CONSTRAINT patient_mrn_unique UNIQUE (mrn),
    CONSTRAINT patient_national_id_unique UNIQUE (national_id),
    CONSTRAINT patient_request_id_unique UNIQUE (request_id),
    CONSTRAINT patient_sex_known CHECK (sex IN ('FEMALE', 'MALE', 'OTHER', 'UNKNOWN'))
);

-- Every folded name token (family names and given names) with its one-letter deletions. Looking up the
-- deletions of a typed token finds dictionary names within one typo (symmetric delete), without scanning.
CREATE TABLE name_variant (
    variant   VARCHAR(100) NOT NULL,
    name_key  VARCHAR(100) NOT NULL,
    CONSTRAINT name_variant_pk PRIMARY KEY (variant, name_key)
);
