-- The resolution draft's signature block, as resolution No. 9 ends: the signer's title on the left
-- ("Председатель") and name on the right ("А. Мукашева"). Both typed by the methodologist on the draft's
-- page; a new draft starts with the title in its language and no name (the DOCX then leaves a line to
-- sign on). Drafts made before and not yet adopted get the same title; an adopted draft is the text the
-- committee passed and stays as it was.
alter table resolution_draft
    add column signer_title varchar(300),
    add column signer_name  varchar(300);

update resolution_draft set signer_title = case language when 'kk' then 'Төраға' else 'Председатель' end
where resolution_id is null;
