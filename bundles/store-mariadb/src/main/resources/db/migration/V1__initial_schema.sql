-- =====================================================================================================
-- Vitrine: initial schema (MariaDB 10.11, applied by Flyway).
--
-- Covers the whole product:
--   * accounts and sign-in: accounts, roles, TOTP second factor, recovery codes, linked provider
--     identities, single-use e-mail tokens;
--   * the catalog of CAD documents imported from Onshape: documents, their elements, workspaces,
--     versions, tags, designers and stored preview images;
--   * bulk imports: import jobs and their items;
--   * privacy and moderation: the consent ledger, the audit log, reports, deletion requests, contact
--     requests, personal data exports;
--   * the outgoing mail queue.
--
-- Conventions:
--   * every time column is DATETIME(3) and holds UTC; the application always writes UTC and no column
--     relies on a database default or ON UPDATE clause for time;
--   * provider OAuth tokens are never stored, so no table has a token column for them;
--   * passwords are kept only as Argon2id PHC strings, TOTP secrets only encrypted, recovery codes and
--     e-mail tokens only as hashes;
--   * deleting an account erases its personal data but keeps the row (deleted_at) so that references
--     stay intact; personal columns are therefore NULLable;
--   * client IP addresses live in VARCHAR(45) columns next to an ip_anonymised flag, which the
--     retention job sets after it has shortened or removed the address.
-- =====================================================================================================


-- Accounts: one row per person who can sign in to Vitrine.
CREATE TABLE accounts (
    id                 BIGINT UNSIGNED NOT NULL AUTO_INCREMENT,
    email              VARCHAR(254)    NULL COMMENT 'normalised (trimmed, lower case), NULL once erased or for provider-only accounts without one',
    email_verified_at  DATETIME(3)     NULL,
    display_name       VARCHAR(255)    NULL,
    first_name         VARCHAR(255)    NULL,
    last_name          VARCHAR(255)    NULL,
    company            VARCHAR(255)    NULL,
    avatar_url         VARCHAR(2048)   NULL,
    password_hash      VARCHAR(255)    NULL COMMENT 'Argon2id PHC string, NULL for provider-only accounts',
    status             ENUM('active','disabled','deleted') NOT NULL DEFAULT 'active',
    new_device_notice  BOOLEAN         NOT NULL DEFAULT TRUE COMMENT 'send an e-mail when a new device signs in',
    created_at         DATETIME(3)     NOT NULL,
    updated_at         DATETIME(3)     NOT NULL,
    deleted_at         DATETIME(3)     NULL,
    last_sign_in_at    DATETIME(3)     NULL,
    PRIMARY KEY (id),
    UNIQUE KEY uq_accounts_email (email),
    KEY ix_accounts_status (status),
    KEY ix_accounts_deleted_at (deleted_at)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;


-- Account roles: what an account may do beyond using public content.
CREATE TABLE account_roles (
    account_id  BIGINT UNSIGNED NOT NULL,
    role        ENUM('user','moderator','admin') NOT NULL,
    PRIMARY KEY (account_id, role),
    KEY ix_account_roles_role (role),
    CONSTRAINT fk_account_roles_account FOREIGN KEY (account_id) REFERENCES accounts (id) ON DELETE CASCADE
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;


-- TOTP credentials: the encrypted second-factor secret of an account (at most one per account).
CREATE TABLE totp_credentials (
    id                 BIGINT UNSIGNED NOT NULL AUTO_INCREMENT,
    account_id         BIGINT UNSIGNED NOT NULL,
    secret_ciphertext  VARBINARY(255)  NOT NULL COMMENT 'encrypted TOTP secret, the plain secret is never stored',
    secret_nonce       VARBINARY(32)   NOT NULL COMMENT 'nonce/IV used to encrypt the secret',
    key_id             VARCHAR(64)     NOT NULL COMMENT 'which encryption key was used, for key rotation',
    confirmed_at       DATETIME(3)     NULL COMMENT 'NULL until the first valid code confirms the enrolment',
    last_used_step     BIGINT          NULL COMMENT 'time step of the last accepted code, codes at or before it are refused',
    created_at         DATETIME(3)     NOT NULL,
    PRIMARY KEY (id),
    UNIQUE KEY uq_totp_credentials_account (account_id),
    CONSTRAINT fk_totp_credentials_account FOREIGN KEY (account_id) REFERENCES accounts (id) ON DELETE CASCADE
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;


-- Recovery codes: hashed one-time codes that replace the second factor when it is lost.
CREATE TABLE recovery_codes (
    id          BIGINT UNSIGNED NOT NULL AUTO_INCREMENT,
    account_id  BIGINT UNSIGNED NOT NULL,
    code_hash   VARCHAR(255)    NOT NULL COMMENT 'hash of the code, the code itself is never stored',
    used_at     DATETIME(3)     NULL,
    created_at  DATETIME(3)     NOT NULL,
    PRIMARY KEY (id),
    KEY ix_recovery_codes_account (account_id, used_at),
    CONSTRAINT fk_recovery_codes_account FOREIGN KEY (account_id) REFERENCES accounts (id) ON DELETE CASCADE
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;


-- Identities: provider accounts (e.g. Onshape) linked to a Vitrine account for signing in. No tokens.
CREATE TABLE identities (
    id            BIGINT UNSIGNED NOT NULL AUTO_INCREMENT,
    account_id    BIGINT UNSIGNED NOT NULL,
    provider      VARCHAR(32)     NOT NULL COMMENT 'e.g. onshape',
    external_id   VARCHAR(128)    NOT NULL COMMENT 'the user id at the provider',
    display_name  VARCHAR(255)    NULL,
    email         VARCHAR(254)    NULL,
    linked_at     DATETIME(3)     NOT NULL,
    PRIMARY KEY (id),
    UNIQUE KEY uq_identities_provider_external (provider, external_id),
    KEY ix_identities_account (account_id),
    CONSTRAINT fk_identities_account FOREIGN KEY (account_id) REFERENCES accounts (id) ON DELETE CASCADE
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;


-- E-mail tokens: single-use, hashed tokens for e-mail verification, password reset and e-mail change.
CREATE TABLE email_tokens (
    id          BIGINT UNSIGNED NOT NULL AUTO_INCREMENT,
    account_id  BIGINT UNSIGNED NOT NULL,
    purpose     ENUM('verify','reset','email_change') NOT NULL,
    token_hash  CHAR(64)        NOT NULL COMMENT 'SHA-256 of the token, lower-case hex, the token itself is never stored',
    new_email   VARCHAR(254)    NULL COMMENT 'the requested address, for email_change only',
    expires_at  DATETIME(3)     NOT NULL,
    used_at     DATETIME(3)     NULL,
    created_at  DATETIME(3)     NOT NULL,
    PRIMARY KEY (id),
    UNIQUE KEY uq_email_tokens_token_hash (token_hash),
    KEY ix_email_tokens_account_purpose (account_id, purpose),
    KEY ix_email_tokens_expires_at (expires_at),
    CONSTRAINT fk_email_tokens_account FOREIGN KEY (account_id) REFERENCES accounts (id) ON DELETE CASCADE
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;


-- Documents: CAD documents imported from a provider and published in the catalog.
CREATE TABLE documents (
    id                    BIGINT UNSIGNED NOT NULL AUTO_INCREMENT,
    provider              VARCHAR(32)     NOT NULL COMMENT 'e.g. onshape',
    external_id           VARCHAR(128)    NOT NULL COMMENT 'the document id at the provider',
    name                  VARCHAR(255)    NOT NULL,
    description           TEXT            NULL,
    owner_name            VARCHAR(255)    NULL,
    owner_external_id     VARCHAR(128)    NULL,
    provider_created_at   DATETIME(3)     NULL,
    provider_modified_at  DATETIME(3)     NULL,
    default_workspace_id  VARCHAR(128)    NULL COMMENT 'external id of the default workspace',
    source_url            VARCHAR(2048)   NULL,
    licence               VARCHAR(64)     NULL COMMENT 'SPDX licence identifier',
    tags_text             TEXT            NULL COMMENT 'tags joined by spaces, denormalised for full-text search',
    imported_by           BIGINT UNSIGNED NULL,
    status                ENUM('importing','public','disabled') NOT NULL DEFAULT 'importing',
    disabled_reason       VARCHAR(1000)   NULL,
    disabled_at           DATETIME(3)     NULL,
    created_at            DATETIME(3)     NOT NULL,
    updated_at            DATETIME(3)     NOT NULL,
    PRIMARY KEY (id),
    UNIQUE KEY uq_documents_provider_external (provider, external_id),
    KEY ix_documents_imported_by (imported_by),
    KEY ix_documents_status_updated (status, updated_at),
    KEY ix_documents_status_modified (status, provider_modified_at),
    KEY ix_documents_licence (licence),
    FULLTEXT KEY ft_documents_search (name, description, tags_text),
    CONSTRAINT fk_documents_imported_by FOREIGN KEY (imported_by) REFERENCES accounts (id) ON DELETE SET NULL
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;


-- Document elements: the tabs of a document (part studios, assemblies, drawings, ...).
CREATE TABLE document_elements (
    id            BIGINT UNSIGNED NOT NULL AUTO_INCREMENT,
    document_id   BIGINT UNSIGNED NOT NULL,
    external_id   VARCHAR(128)    NOT NULL COMMENT 'the element id at the provider',
    name          VARCHAR(255)    NOT NULL,
    element_type  VARCHAR(32)     NOT NULL COMMENT 'PARTSTUDIO, ASSEMBLY, DRAWING, FEATURESTUDIO, BLOB, APPLICATION, ...',
    position      INT             NOT NULL DEFAULT 0 COMMENT 'order of the tab in the document',
    PRIMARY KEY (id),
    UNIQUE KEY uq_document_elements_document_external (document_id, external_id),
    KEY ix_document_elements_document_position (document_id, position),
    KEY ix_document_elements_type (element_type),
    FULLTEXT KEY ft_document_elements_name (name),
    CONSTRAINT fk_document_elements_document FOREIGN KEY (document_id) REFERENCES documents (id) ON DELETE CASCADE
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;


-- Document workspaces: the workspaces (branches) of a document at the provider.
CREATE TABLE document_workspaces (
    id                    BIGINT UNSIGNED NOT NULL AUTO_INCREMENT,
    document_id           BIGINT UNSIGNED NOT NULL,
    external_id           VARCHAR(128)    NOT NULL COMMENT 'the workspace id at the provider',
    name                  VARCHAR(255)    NOT NULL,
    microversion          VARCHAR(128)    NULL,
    created_at_provider   DATETIME(3)     NULL,
    modified_at_provider  DATETIME(3)     NULL,
    PRIMARY KEY (id),
    UNIQUE KEY uq_document_workspaces_document_external (document_id, external_id),
    CONSTRAINT fk_document_workspaces_document FOREIGN KEY (document_id) REFERENCES documents (id) ON DELETE CASCADE
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;


-- Document versions: the named, immutable versions of a document at the provider.
CREATE TABLE document_versions (
    id                   BIGINT UNSIGNED NOT NULL AUTO_INCREMENT,
    document_id          BIGINT UNSIGNED NOT NULL,
    external_id          VARCHAR(128)    NOT NULL COMMENT 'the version id at the provider',
    name                 VARCHAR(255)    NOT NULL,
    description          TEXT            NULL,
    microversion         VARCHAR(128)    NULL,
    creator_name         VARCHAR(255)    NULL,
    created_at_provider  DATETIME(3)     NULL,
    PRIMARY KEY (id),
    UNIQUE KEY uq_document_versions_document_external (document_id, external_id),
    KEY ix_document_versions_document_created (document_id, created_at_provider),
    CONSTRAINT fk_document_versions_document FOREIGN KEY (document_id) REFERENCES documents (id) ON DELETE CASCADE
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;


-- Document tags: the normalised tags of a document, for browsing by tag.
CREATE TABLE document_tags (
    document_id  BIGINT UNSIGNED NOT NULL,
    tag          VARCHAR(64)     NOT NULL,
    PRIMARY KEY (document_id, tag),
    KEY ix_document_tags_tag (tag),
    CONSTRAINT fk_document_tags_document FOREIGN KEY (document_id) REFERENCES documents (id) ON DELETE CASCADE
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;


-- Designers: people who designed documents, keyed by their provider user; linked to an account once they sign in.
CREATE TABLE designers (
    id            BIGINT UNSIGNED NOT NULL AUTO_INCREMENT,
    provider      VARCHAR(32)     NOT NULL,
    external_id   VARCHAR(128)    NOT NULL COMMENT 'the user id at the provider',
    display_name  VARCHAR(255)    NULL,
    avatar_url    VARCHAR(2048)   NULL,
    company       VARCHAR(255)    NULL,
    account_id    BIGINT UNSIGNED NULL,
    created_at    DATETIME(3)     NOT NULL,
    updated_at    DATETIME(3)     NOT NULL,
    PRIMARY KEY (id),
    UNIQUE KEY uq_designers_provider_external (provider, external_id),
    KEY ix_designers_account (account_id),
    CONSTRAINT fk_designers_account FOREIGN KEY (account_id) REFERENCES accounts (id) ON DELETE SET NULL
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;


-- Document designers: who owns, created or modified each document.
CREATE TABLE document_designers (
    document_id  BIGINT UNSIGNED NOT NULL,
    designer_id  BIGINT UNSIGNED NOT NULL,
    role         ENUM('owner','creator','modifier') NOT NULL,
    PRIMARY KEY (document_id, designer_id, role),
    KEY ix_document_designers_designer (designer_id, role),
    CONSTRAINT fk_document_designers_document FOREIGN KEY (document_id) REFERENCES documents (id) ON DELETE CASCADE,
    CONSTRAINT fk_document_designers_designer FOREIGN KEY (designer_id) REFERENCES designers (id) ON DELETE CASCADE
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;


-- Previews: stored preview images of a document (element_id NULL) or of one of its elements.
CREATE TABLE previews (
    id            BIGINT UNSIGNED NOT NULL AUTO_INCREMENT,
    document_id   BIGINT UNSIGNED NOT NULL,
    element_id    BIGINT UNSIGNED NULL COMMENT 'NULL for a preview of the whole document',
    element_key   BIGINT UNSIGNED AS (COALESCE(element_id, 0)) PERSISTENT
                  COMMENT 'element_id or 0, makes document-level previews unique too (never written)',
    size_label    VARCHAR(32)     NOT NULL COMMENT 'e.g. 300x170',
    blob_key      CHAR(64)        NOT NULL COMMENT 'key of the image in the blob store (64 lower-case hex)',
    content_type  VARCHAR(100)    NOT NULL,
    byte_size     BIGINT UNSIGNED NOT NULL,
    etag          VARCHAR(255)    NULL,
    created_at    DATETIME(3)     NOT NULL,
    PRIMARY KEY (id),
    UNIQUE KEY uq_previews_document_element_size (document_id, element_key, size_label),
    KEY ix_previews_element (element_id),
    KEY ix_previews_blob_key (blob_key),
    CONSTRAINT fk_previews_document FOREIGN KEY (document_id) REFERENCES documents (id) ON DELETE CASCADE,
    CONSTRAINT fk_previews_element FOREIGN KEY (element_id) REFERENCES document_elements (id) ON DELETE CASCADE
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;


-- Import jobs: bulk imports of documents started by an account, with progress and rate-limit pauses.
CREATE TABLE import_jobs (
    id                   BIGINT UNSIGNED NOT NULL AUTO_INCREMENT,
    account_id           BIGINT UNSIGNED NULL COMMENT 'who started the job, NULL if that account was removed',
    provider             VARCHAR(32)     NOT NULL,
    state                ENUM('queued','running','paused','completed','failed','cancelled') NOT NULL DEFAULT 'queued',
    total                INT UNSIGNED    NOT NULL DEFAULT 0,
    done                 INT UNSIGNED    NOT NULL DEFAULT 0,
    failed               INT UNSIGNED    NOT NULL DEFAULT 0,
    paused_until         DATETIME(3)     NULL,
    pause_reason         VARCHAR(255)    NULL,
    rights_confirmed_at  DATETIME(3)     NULL COMMENT 'when the starter confirmed they may publish the documents',
    terms_version        VARCHAR(32)     NULL COMMENT 'version of the terms they confirmed',
    created_at           DATETIME(3)     NOT NULL,
    updated_at           DATETIME(3)     NOT NULL,
    finished_at          DATETIME(3)     NULL,
    PRIMARY KEY (id),
    KEY ix_import_jobs_account_created (account_id, created_at),
    KEY ix_import_jobs_state_paused (state, paused_until),
    CONSTRAINT fk_import_jobs_account FOREIGN KEY (account_id) REFERENCES accounts (id) ON DELETE SET NULL
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;


-- Import job items: one document to import within a job.
CREATE TABLE import_job_items (
    id           BIGINT UNSIGNED NOT NULL AUTO_INCREMENT,
    job_id       BIGINT UNSIGNED NOT NULL,
    source       VARCHAR(2048)   NOT NULL COMMENT 'the document id or URL as given',
    external_id  VARCHAR(128)    NULL COMMENT 'the document id at the provider, once resolved',
    document_id  BIGINT UNSIGNED NULL COMMENT 'the imported document, once created',
    state        ENUM('pending','running','done','failed') NOT NULL DEFAULT 'pending',
    attempts     INT UNSIGNED    NOT NULL DEFAULT 0,
    error        VARCHAR(1000)   NULL,
    updated_at   DATETIME(3)     NOT NULL,
    PRIMARY KEY (id),
    KEY ix_import_job_items_job_state (job_id, state),
    KEY ix_import_job_items_document (document_id),
    CONSTRAINT fk_import_job_items_job FOREIGN KEY (job_id) REFERENCES import_jobs (id) ON DELETE CASCADE,
    CONSTRAINT fk_import_job_items_document FOREIGN KEY (document_id) REFERENCES documents (id) ON DELETE SET NULL
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;


-- Consent records: the append-only consent ledger; rows are inserted, never updated.
CREATE TABLE consent_records (
    id               BIGINT UNSIGNED NOT NULL AUTO_INCREMENT,
    subject_type     ENUM('account','visitor') NOT NULL,
    account_id       BIGINT UNSIGNED NULL COMMENT 'set when subject_type = account',
    visitor_id       VARCHAR(64)     NULL COMMENT 'random id from the consent cookie, when subject_type = visitor',
    purpose          VARCHAR(64)     NOT NULL COMMENT 'e.g. analytics',
    granted          BOOLEAN         NOT NULL,
    policy_id        VARCHAR(64)     NOT NULL,
    policy_version   VARCHAR(32)     NOT NULL,
    source           ENUM('banner','settings','gpc','registration','signin') NOT NULL,
    ui_text_version  VARCHAR(32)     NULL COMMENT 'version of the wording shown when the decision was made',
    recorded_at      DATETIME(3)     NOT NULL,
    ip               VARCHAR(45)     NULL,
    ip_anonymised    BOOLEAN         NOT NULL DEFAULT FALSE,
    PRIMARY KEY (id),
    KEY ix_consent_records_account_purpose (account_id, purpose, recorded_at, id),
    KEY ix_consent_records_visitor_purpose (visitor_id, purpose, recorded_at, id),
    KEY ix_consent_records_ip_retention (ip_anonymised, recorded_at),
    CONSTRAINT fk_consent_records_account FOREIGN KEY (account_id) REFERENCES accounts (id) ON DELETE SET NULL
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;


-- Audit events: the security audit log (sign-ins, admin and moderation actions, module changes, ...).
CREATE TABLE audit_events (
    id             BIGINT UNSIGNED NOT NULL AUTO_INCREMENT,
    occurred_at    DATETIME(3)     NOT NULL,
    actor          VARCHAR(64)     NULL COMMENT 'account id, ops-token or system, NULL when unknown',
    action         VARCHAR(128)    NOT NULL COMMENT 'dotted lower case, e.g. module.disable, auth.signin',
    target         VARCHAR(255)    NULL,
    ip             VARCHAR(45)     NULL,
    ip_anonymised  BOOLEAN         NOT NULL DEFAULT FALSE,
    outcome        VARCHAR(32)     NOT NULL COMMENT 'success, failure, refused, or an outcome added by a module',
    detail         VARCHAR(1000)   NULL,
    PRIMARY KEY (id),
    KEY ix_audit_events_occurred_at (occurred_at),
    KEY ix_audit_events_actor_occurred (actor, occurred_at),
    KEY ix_audit_events_action_occurred (action, occurred_at),
    KEY ix_audit_events_ip_retention (ip_anonymised, occurred_at)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;


-- Reports: moderation reports about published documents.
CREATE TABLE reports (
    id                   BIGINT UNSIGNED NOT NULL AUTO_INCREMENT,
    document_id          BIGINT UNSIGNED NOT NULL,
    reporter_account_id  BIGINT UNSIGNED NULL,
    reporter_email       VARCHAR(254)    NULL COMMENT 'for reports from visitors without an account',
    reason               VARCHAR(64)     NOT NULL COMMENT 'category, e.g. copyright, offensive',
    message              TEXT            NULL,
    state                ENUM('open','closed') NOT NULL DEFAULT 'open',
    resolution_note      VARCHAR(2000)   NULL,
    closed_by            BIGINT UNSIGNED NULL COMMENT 'the moderator who closed the report',
    created_at           DATETIME(3)     NOT NULL,
    closed_at            DATETIME(3)     NULL,
    ip                   VARCHAR(45)     NULL,
    ip_anonymised        BOOLEAN         NOT NULL DEFAULT FALSE,
    PRIMARY KEY (id),
    KEY ix_reports_state_created (state, created_at),
    KEY ix_reports_document (document_id),
    KEY ix_reports_reporter (reporter_account_id),
    KEY ix_reports_closed_by (closed_by),
    KEY ix_reports_reporter_email (reporter_email),
    KEY ix_reports_ip_retention (ip_anonymised, created_at),
    CONSTRAINT fk_reports_document FOREIGN KEY (document_id) REFERENCES documents (id) ON DELETE CASCADE,
    CONSTRAINT fk_reports_reporter FOREIGN KEY (reporter_account_id) REFERENCES accounts (id) ON DELETE SET NULL,
    CONSTRAINT fk_reports_closed_by FOREIGN KEY (closed_by) REFERENCES accounts (id) ON DELETE SET NULL
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;


-- Deletion requests: requests to take a published document down, and the decision of a moderator.
CREATE TABLE deletion_requests (
    id            BIGINT UNSIGNED NOT NULL AUTO_INCREMENT,
    document_id   BIGINT UNSIGNED NOT NULL,
    requested_by  BIGINT UNSIGNED NULL,
    reason        VARCHAR(2000)   NULL,
    state         ENUM('pending','applied','restored') NOT NULL DEFAULT 'pending',
    created_at    DATETIME(3)     NOT NULL,
    decided_at    DATETIME(3)     NULL,
    PRIMARY KEY (id),
    KEY ix_deletion_requests_state_created (state, created_at),
    KEY ix_deletion_requests_document (document_id),
    KEY ix_deletion_requests_requested_by (requested_by),
    CONSTRAINT fk_deletion_requests_document FOREIGN KEY (document_id) REFERENCES documents (id) ON DELETE CASCADE,
    CONSTRAINT fk_deletion_requests_requested_by FOREIGN KEY (requested_by) REFERENCES accounts (id) ON DELETE SET NULL
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;


-- Contact requests: messages sent through the contact form (questions, privacy requests, ...).
CREATE TABLE contact_requests (
    id             BIGINT UNSIGNED NOT NULL AUTO_INCREMENT,
    name           VARCHAR(255)    NULL,
    email          VARCHAR(254)    NULL,
    type           VARCHAR(32)     NOT NULL COMMENT 'e.g. general, privacy, abuse',
    message        TEXT            NULL,
    state          ENUM('open','closed') NOT NULL DEFAULT 'open',
    created_at     DATETIME(3)     NOT NULL,
    ip             VARCHAR(45)     NULL,
    ip_anonymised  BOOLEAN         NOT NULL DEFAULT FALSE,
    PRIMARY KEY (id),
    KEY ix_contact_requests_state_created (state, created_at),
    KEY ix_contact_requests_email (email),
    KEY ix_contact_requests_ip_retention (ip_anonymised, created_at)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;


-- Data exports: archives of the personal data of an account, prepared on request and kept for a limited time.
CREATE TABLE data_exports (
    id            BIGINT UNSIGNED NOT NULL AUTO_INCREMENT,
    account_id    BIGINT UNSIGNED NOT NULL,
    state         ENUM('queued','running','ready','failed','expired') NOT NULL DEFAULT 'queued',
    blob_key      CHAR(64)        NULL COMMENT 'key of the archive in the blob store, once ready',
    requested_at  DATETIME(3)     NOT NULL,
    ready_at      DATETIME(3)     NULL,
    expires_at    DATETIME(3)     NULL,
    PRIMARY KEY (id),
    KEY ix_data_exports_account_requested (account_id, requested_at),
    KEY ix_data_exports_state_expires (state, expires_at),
    CONSTRAINT fk_data_exports_account FOREIGN KEY (account_id) REFERENCES accounts (id) ON DELETE CASCADE
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;


-- Mail outbox: outgoing e-mails, queued in the same transaction as the change that causes them.
CREATE TABLE mail_outbox (
    id          BIGINT UNSIGNED NOT NULL AUTO_INCREMENT,
    account_id  BIGINT UNSIGNED NULL COMMENT 'the recipient account, if any',
    to_address  VARCHAR(254)    NULL COMMENT 'NULL once erased',
    subject     VARCHAR(255)    NULL,
    template    VARCHAR(64)     NOT NULL,
    body_text   MEDIUMTEXT      NULL,
    body_html   MEDIUMTEXT      NULL,
    state       ENUM('queued','sent','failed') NOT NULL DEFAULT 'queued',
    attempts    INT UNSIGNED    NOT NULL DEFAULT 0,
    last_error  VARCHAR(1000)   NULL,
    created_at  DATETIME(3)     NOT NULL,
    sent_at     DATETIME(3)     NULL,
    PRIMARY KEY (id),
    KEY ix_mail_outbox_state_created (state, created_at),
    KEY ix_mail_outbox_account (account_id),
    CONSTRAINT fk_mail_outbox_account FOREIGN KEY (account_id) REFERENCES accounts (id) ON DELETE SET NULL
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;
