-- The order in which the client's page sent each draft (milliseconds on the client's own clock): a
-- send that reaches the server after a newer one (two requests in flight as the page is left) must
-- not overwrite the newer words. Null for drafts kept before this column, or by the API.
ALTER TABLE entry_draft ADD COLUMN client_seq bigint;
