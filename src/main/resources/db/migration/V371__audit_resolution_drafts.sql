-- The resolution drafted from the staff report (V350, decision 49) joins the audit trail: who edited,
-- removed, moved and adopted its items.
create trigger resolution_draft_audit after insert or update or delete on resolution_draft
    for each row execute function audit_row();
create trigger resolution_draft_item_audit after insert or update or delete on resolution_draft_item
    for each row execute function audit_row();
