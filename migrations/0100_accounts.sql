-- Accounts: a person's pending tokens (resend, reset, retire on use) are found without a scan;
-- the secretariat's search by name or address stays fast as accounts grow.
create index account_tokens_user_idx on account_tokens (user_id, purpose) where used_at is null;
create index users_search_idx on users using gin ((email::text || ' ' || display_name) gin_trgm_ops);
