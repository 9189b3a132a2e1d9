-- Tables created after the audit trail began (V094, V095) that people change: check-ins and their
-- entries (opened, closed, confirmed, merged, rejected), certificates (issued, revoked) and their
-- language, staff reports' versions and texts (saved, approved), reminder settings and opt-outs, mail
-- preferences, saved import layouts and the reference lists. AuditTrailTests names every table left
-- out, with its reason (calendar_feed holds its link's secret, which the log must not copy).
do $$
declare
    t text;
begin
    foreach t in array array['checkin', 'checkin_entry', 'certificate', 'certificate_language',
        'staff_report_version', 'staff_report_block', 'reminder_setting', 'reminder_opt_out',
        'mail_preference', 'training_import_layout', 'training_topic', 'training_form', 'participant_category']
    loop
        execute format('create trigger %I after insert or update or delete on %I for each row execute function audit_row()',
                       t || '_audit', t);
    end loop;
end
$$;
