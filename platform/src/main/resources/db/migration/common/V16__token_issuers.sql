-- An API token acts with the authority of the user who issued it (or, for a token minted with a
-- token, of that token's user), so it must die with that user's deactivation or role change. Tokens
-- issued from the admin command line belong to no user and stay as they are.
ALTER TABLE api_tokens ADD COLUMN issued_for_user_id TEXT;

UPDATE api_tokens SET issued_for_user_id = (
    SELECT u.id FROM users u
    WHERE u.organisation_id = api_tokens.organisation_id AND u.email = api_tokens.created_by);

CREATE INDEX api_tokens_by_user ON api_tokens (issued_for_user_id);
