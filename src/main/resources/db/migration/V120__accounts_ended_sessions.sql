-- Sessions ended on purpose (account disabled, role or scope changed, password changed or reset):
-- their rows are deleted from spring_session in the same transaction as the change, and the reason
-- is kept here by session id, so the next request carrying that session's cookie, on any instance,
-- lands on the login page saying why. Rows older than the absolute session lifetime are dropped.
CREATE TABLE account_ended_session (
	session_id CHAR(36) PRIMARY KEY,
	reason VARCHAR(20) NOT NULL,
	ended_at TIMESTAMPTZ NOT NULL
);

CREATE INDEX account_ended_session_ended_at ON account_ended_session (ended_at);
