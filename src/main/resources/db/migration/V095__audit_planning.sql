-- The planning tables join the audit trail (V094's trigger function).
do $$
declare
    t text;
begin
    foreach t in array array['training_plan', 'plan_item', 'plan_item_topic', 'plan_item_category', 'plan_item_target',
        'plan_item_event', 'school_plan', 'school_plan_item', 'topic_request', 'topic_request_topic',
        'topic_request_category', 'request_campaign', 'resolution', 'resolution_task', 'resolution_task_link']
    loop
        execute format('create trigger %I after insert or update or delete on %I for each row execute function audit_row()',
                       t || '_audit', t);
    end loop;
end
$$;
