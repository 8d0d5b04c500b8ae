-- Two-step sign-in secrets are stored sealed (AES-256-GCM under a key in the data directory, decision 0204):
-- a prefix, a nonce, the secret and its tag, in Base64, about 90 characters. The server seals at start the
-- ones stored in the clear before this version.
ALTER TABLE staff_account ALTER COLUMN two_factor_secret SET DATA TYPE VARCHAR(160);
ALTER TABLE staff_account ALTER COLUMN two_factor_pending_secret SET DATA TYPE VARCHAR(160);
