-- Free texts given under the topic "other" of a survey's topic question are grouped by a normalized
-- key, and a methodologist may map a key to a catalogue topic: from then on such answers count under
-- that topic in the results and the demand (issue #16, item 4; decision 22).

-- The key of a free text: lower case by ICU (the same whatever the database's locale), ё as е,
-- every run of characters other than letters and digits as one space, trimmed.
-- "Құқықтық «САУАТТЫЛЫҚ»!!" and "құқықтық сауаттылық" share the key "құқықтық сауаттылық".
create function surveys_text_key(t text) returns text language sql immutable strict parallel safe as $$
    select btrim(regexp_replace(replace(replace(lower(t collate "und-x-icu"), 'ё', 'е'), E'\u0307', ''),
                                '[^[:alnum:]]+', ' ', 'g'))
$$;

-- A mapping belongs to the union body of the account that made it and applies to the events its
-- subtree organizes; where a body and one above it both mapped a key, the nearer body's mapping wins.
create table survey_topic_mapping (
    id         bigint primary key default nextval('survey_seq'),
    unit_id    bigint        not null references org_unit (id),
    text_key   varchar(2000) not null,
    topic_code varchar(32)   not null references training_topic (code),
    mapped_by  varchar(64)   not null,
    mapped_at  timestamptz   not null,
    constraint survey_topic_mapping_unique unique (unit_id, text_key),
    constraint survey_topic_mapping_not_other check (topic_code <> 'OTHER'),
    constraint survey_topic_mapping_key_set check (text_key <> '')
);

create index survey_topic_mapping_key_idx on survey_topic_mapping (text_key);

-- The free texts of topic questions are looked up by their key.
create index survey_answer_other_key_idx on survey_answer (surveys_text_key(text_value))
    where option_code = 'OTHER' and text_value is not null;

create trigger survey_topic_mapping_audit after insert or update or delete on survey_topic_mapping
    for each row execute function audit_row();
