-- =====================================================================================================
-- Vitrine: indexes for paging through the public catalog in its default orders.
-- =====================================================================================================

-- Newest first (the default) and by name: the page is read in index order instead of sorting every public
-- document for each page. InnoDB appends the primary key to each entry, so the id that breaks ties comes with it
-- and the page's ids are read from the index alone.
CREATE INDEX ix_documents_status_created ON documents (status, created_at);
CREATE INDEX ix_documents_status_name ON documents (status, name);
