-- Issue #21 (decision 55): the sessions are web's (Spring Session JDBC, V090). Accounts ends an
-- account's sessions through this function instead of deleting web's rows itself; it runs in the
-- caller's transaction, so the account's change and the end of its sessions still commit together.
-- Returns the ended sessions' ids (the login page tells their users why, account_ended_session).
create function web_end_sessions(p_username varchar, p_keep varchar) returns table (session_id char(36))
language sql volatile as $$
    delete from spring_session s
    where s.principal_name = p_username and s.session_id <> p_keep
    returning s.session_id
$$;
