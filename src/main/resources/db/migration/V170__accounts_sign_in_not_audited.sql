-- A sign-in stamps app_user.last_login_at; the audit trigger wrote that as "app_user changed by
-- system" on every login (issue #18). The update trigger now fires only when something other than
-- the sign-in time (or the password hash, which the trail never shows) changed. Inserts and deletes
-- are audited as before; an audited update still carries last_login_at in its before/after.
drop trigger app_user_audit on app_user;

create trigger app_user_audit after insert or delete on app_user
    for each row execute function audit_row();

create trigger app_user_audit_update after update on app_user
    for each row
    when ((to_jsonb(old) - 'last_login_at' - 'password_hash') is distinct from (to_jsonb(new) - 'last_login_at' - 'password_hash'))
    execute function audit_row();
