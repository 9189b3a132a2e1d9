-- The audit trail: every insert, update and delete on the tables people change, with who (the
-- application sets oqytu.actor at the start of each write transaction), when, and the row before
-- and after. Triggers rather than an ORM listener because much is written with plain SQL (imports,
-- batch inserts, derived counts). Append-only: the log refuses updates and deletes.
create table audit_log (
    id         bigserial primary key,
    at         timestamptz  not null default now(),
    actor      varchar(64)  not null,
    table_name varchar(64)  not null,
    row_key    varchar(200) not null,
    action     varchar(8)   not null,
    before     jsonb,
    after      jsonb
);

create index audit_log_at_idx on audit_log (at);
create index audit_log_table_idx on audit_log (table_name, at);
create index audit_log_actor_idx on audit_log (actor, at);

create function audit_row() returns trigger language plpgsql as $$
declare
    old_row jsonb := case when tg_op in ('UPDATE', 'DELETE') then to_jsonb(old) - 'password_hash' - 'snapshot' end;
    new_row jsonb := case when tg_op in ('INSERT', 'UPDATE') then to_jsonb(new) - 'password_hash' - 'snapshot' end;
    any_row jsonb := coalesce(new_row, old_row);
begin
    if tg_op = 'UPDATE' and old_row = new_row then
        return new;
    end if;
    insert into audit_log (actor, table_name, row_key, action, before, after)
    values (coalesce(nullif(current_setting('oqytu.actor', true), ''), 'system'), tg_table_name,
            left(coalesce(any_row ->> 'id',
                          concat_ws('/', any_row ->> 'event_id', any_row ->> 'material_id',
                                    any_row ->> 'category_code', any_row ->> 'topic_code', any_row ->> 'method',
                                    any_row ->> 'username')), 200),
            tg_op, old_row, new_row);
    return coalesce(new, old);
end
$$;

create function audit_log_is_append_only() returns trigger language plpgsql as $$
begin
    raise exception 'the audit log is append-only';
end
$$;

create trigger audit_log_append_only before update or delete on audit_log
    for each row execute function audit_log_is_append_only();

do $$
declare
    t text;
begin
    foreach t in array array['org_unit', 'membership_snapshot', 'app_user', 'training_event', 'training_event_topic',
        'training_event_method', 'attendance_count', 'event_participant', 'questionnaire', 'questionnaire_version',
        'question', 'question_option', 'event_survey', 'interview', 'budget', 'budget_line', 'budget_norm',
        'material', 'material_topic', 'material_event', 'material_version', 'material_distribution',
        'material_delivery', 'report_approval']
    loop
        execute format('create trigger %I after insert or update or delete on %I for each row execute function audit_row()',
                       t || '_audit', t);
    end loop;
end
$$;
