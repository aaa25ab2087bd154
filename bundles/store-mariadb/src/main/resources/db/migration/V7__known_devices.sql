-- Known devices: the browsers an account signed in from, so that a sign-in from a new one can be told to the
-- account's owner (accounts.new_device_notice). A device is a long-lived random cookie; only its SHA-256 is kept.
-- Rows are deleted when the account is erased.
CREATE TABLE known_devices (
    id          BIGINT UNSIGNED NOT NULL AUTO_INCREMENT,
    account_id  BIGINT UNSIGNED NOT NULL,
    hash        CHAR(64)        NOT NULL COMMENT 'SHA-256 of the device cookie, lower-case hex; the cookie itself is never stored',
    first_seen  DATETIME(3)     NOT NULL,
    last_seen   DATETIME(3)     NOT NULL,
    user_agent  VARCHAR(100)    NULL COMMENT 'a summary such as "Firefox on Linux", not the whole header',
    PRIMARY KEY (id),
    UNIQUE KEY uq_known_devices_account_hash (account_id, hash),
    CONSTRAINT fk_known_devices_account FOREIGN KEY (account_id) REFERENCES accounts (id) ON DELETE CASCADE
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;
