-- Issue #15, item 4: signed device and form tokens, one-time forms, reasons for flags.

-- The key that signs survey device cookies and form tokens when oqytu.surveys.device-key is not
-- configured: drawn once by the first instance that needs it (SecureRandom), read by all others.
create table survey_secret (
    name       varchar(32) primary key,
    secret     bytea       not null,
    created_at timestamptz not null default now(),
    constraint survey_secret_long_enough check (octet_length(secret) >= 32)
);

-- Why a response was flagged, as bits (kz.oqytu.surveys.FlagReason); 0: not flagged.
alter table survey_response add column flag_reasons integer not null default 0;
-- the flags before this migration came from one browser answering many times
update survey_response set flag_reasons = 1 where flagged;
alter table survey_response add constraint survey_response_flag_reasons check ((flag_reasons <> 0) = flagged);

-- Keyed hash of the network address alone (per survey), to notice one address answering in bulk.
alter table survey_response add column address_key varchar(32);
create index survey_response_address on survey_response (event_survey_id, address_key, submitted_at);

-- The one-time form token the answer came with: a form stores at most one answer. Paper rows: null.
alter table survey_response add column form_nonce uuid;
alter table survey_response add constraint survey_response_form_once unique (form_nonce);
