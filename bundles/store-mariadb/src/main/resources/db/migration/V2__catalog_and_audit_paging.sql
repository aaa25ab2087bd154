-- =====================================================================================================
-- Vitrine: indexes for the public designers list and the admin's paged audit log.
-- =====================================================================================================

-- The audit log is paged newest first by id, optionally for one action: (action, id) serves both the
-- filter and the order without a sort.
CREATE INDEX ix_audit_events_action_id ON audit_events (action, id);

-- Designers are listed by name.
CREATE INDEX ix_designers_display_name ON designers (display_name);
