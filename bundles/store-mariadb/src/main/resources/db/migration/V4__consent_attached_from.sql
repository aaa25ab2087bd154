-- Consent ledger: a visitor's decision attached to an account at sign-in is recorded anew for the account and
-- points at the visitor's record, which keeps the original source and time (proof of consent). Rows stay
-- append-only: nothing is ever updated.
ALTER TABLE consent_records
    ADD COLUMN attached_from BIGINT UNSIGNED NULL COMMENT 'for source signin: the visitor record this account record copies'
        AFTER ui_text_version,
    ADD CONSTRAINT fk_consent_records_attached_from FOREIGN KEY (attached_from) REFERENCES consent_records (id) ON DELETE SET NULL;
