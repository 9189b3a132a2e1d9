-- Head counts recorded per organization (issue 16, decision 19): for an event without a named list,
-- how many of each category came from one organization. A recorded count is that organization's
-- whole attendance at the event. Per category the organizations never add up to more than the
-- event's head count (checked by the training service, which owns both tables).
create table attendance_org_count (
    event_id        bigint      not null references training_event (id) on delete cascade,
    organization_id bigint      not null references org_unit (id),
    category_code   varchar(32) not null references participant_category (code),
    participants    integer     not null,
    primary key (event_id, organization_id, category_code),
    constraint attendance_org_count_positive check (participants > 0 and participants <= 100000)
);

create index attendance_org_count_org_idx on attendance_org_count (organization_id);

create trigger attendance_org_count_audit after insert or update or delete on attendance_org_count
    for each row execute function audit_row();

-- The read model other modules use (decisions 4, 10, 19): who came from which organization, per
-- event and category, with where the figure comes from.
--   NAMED     the named list (then the only source, as the head counts are derived from it);
--   RECORDED  a count recorded for the organization, on an event without a named list;
--   RULE      an on-site session without a named list: what is not recorded for another
--             organization counts for its host.
create view training_v_org_attendance as
select p.event_id, p.organization_id, p.category_code, count(*)::bigint as participants, 'NAMED'::varchar(8) as source
from event_participant p
group by p.event_id, p.organization_id, p.category_code
union all
select c.event_id, c.organization_id, c.category_code, c.participants::bigint, 'RECORDED'::varchar(8)
from attendance_org_count c
join training_event e on e.id = c.event_id
where not exists (select 1 from event_participant p where p.event_id = c.event_id)
  and not (e.venue_kind = 'ON_SITE' and c.organization_id is not distinct from e.host_organization_id)
union all
select x.event_id, x.organization_id, x.category_code, x.participants, 'RULE'::varchar(8)
from (select e.id as event_id, e.host_organization_id as organization_id, a.category_code,
             (a.participants - coalesce((select sum(c.participants) from attendance_org_count c
                                         where c.event_id = e.id and c.category_code = a.category_code
                                           and c.organization_id <> e.host_organization_id), 0))::bigint as participants
      from training_event e
      join attendance_count a on a.event_id = e.id
      where e.venue_kind = 'ON_SITE' and e.host_organization_id is not null
        and not exists (select 1 from event_participant p where p.event_id = e.id)) x
where x.participants > 0;

-- Per event and category, the head count not attributed to any organization: events without a named
-- list and without the on-site rule, less what is recorded per organization.
create view training_v_event_unrecorded as
select a.event_id, a.category_code, (a.participants - coalesce(r.recorded, 0))::bigint as participants
from attendance_count a
join training_event e on e.id = a.event_id
left join lateral (select sum(c.participants) as recorded from attendance_org_count c
                   where c.event_id = a.event_id and c.category_code = a.category_code) r on true
where not (e.venue_kind = 'ON_SITE' and e.host_organization_id is not null)
  and not exists (select 1 from event_participant p where p.event_id = a.event_id)
  and a.participants > coalesce(r.recorded, 0);
