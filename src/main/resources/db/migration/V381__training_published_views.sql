-- Issue #21: what other modules read of training's tables (events, their topics, head counts and named
-- participants, the catalogues), published as views beside training_v_org_attendance and
-- training_v_event_unrecorded. Simple views: PostgreSQL inlines them, so plans and indexes are those
-- of the tables. Reports' rollup functions (V210, V220) still read the tables: landed migrations are
-- never edited.
create view training_v_event as
select id, organizer_unit_id, title_kk, title_ru, form_code, starts_at, ends_at, academic_hours, venue_kind,
       district_id, host_organization_id, venue_details, trainers, announcement_url, notes, status,
       created_at, updated_at, version
from training_event;

create view training_v_event_topic as
select event_id, topic_code
from training_event_topic;

create view training_v_attendance as
select event_id, category_code, participants
from attendance_count;

create view training_v_participant as
select id, event_id, full_name, name_key, organization_id, category_code, position
from event_participant;

create view training_v_topic as
select code, sort_order, name_kk, name_ru, name_en
from training_topic;

create view training_v_form as
select code, sort_order, name_kk, name_ru, name_en
from training_form;

create view training_v_category as
select code, sort_order, name_kk, name_ru, name_en
from participant_category;
