-- Methodical materials: the library (titles, type, topics, language, linked events), versions
-- whose files are kept in this database in fixed-size chunks (so a backup holds everything and a
-- download reads one chunk at a time), distributions of a version to primary organizations, and
-- per organization and version what was sent, downloaded and acknowledged.
create sequence material_seq start with 1 increment by 50;

create table material (
    id                bigint primary key,
    owner_unit_id     bigint        not null references org_unit (id),
    title_kk          varchar(300)  not null,
    title_ru          varchar(300),
    type              varchar(16)   not null,
    language          varchar(8)    not null,
    description       varchar(4000),
    latest_version_id bigint,
    created_at        timestamptz   not null default now(),
    created_by        varchar(64)   not null,
    updated_at        timestamptz   not null default now(),
    updated_by        varchar(64)   not null,
    version           integer       not null default 0,
    constraint material_type_known check (type in ('CASE', 'RECOMMENDATION', 'COLLECTION', 'GUIDE', 'PRESENTATION', 'OTHER')),
    constraint material_language_known check (language in ('KK', 'RU', 'KK_RU', 'EN'))
);

create index material_owner_idx on material (owner_unit_id);
create index material_updated_idx on material (updated_at desc, id desc);

create table material_topic (
    material_id bigint      not null references material (id) on delete cascade,
    topic_code  varchar(32) not null references training_topic (code),
    primary key (material_id, topic_code)
);

create index material_topic_code_idx on material_topic (topic_code);

create table material_event (
    material_id bigint not null references material (id) on delete cascade,
    event_id    bigint not null references training_event (id),
    primary key (material_id, event_id)
);

create index material_event_event_idx on material_event (event_id);

-- A version never changes once stored; a new file is a new version.
create sequence material_version_seq start with 1 increment by 50;

create table material_version (
    id            bigint primary key,
    material_id   bigint       not null references material (id) on delete cascade,
    number        integer      not null,
    file_type     varchar(8)   not null,
    file_size     bigint       not null,
    sha256        char(64)     not null,
    original_name varchar(255) not null,
    chunk_size    integer      not null,
    note          varchar(1000),
    created_at    timestamptz  not null default now(),
    created_by    varchar(64)  not null,
    constraint material_version_number_unique unique (material_id, number),
    constraint material_version_number_positive check (number > 0),
    constraint material_version_file_type_known check (file_type in ('PDF', 'DOCX', 'PPTX', 'XLSX')),
    constraint material_version_size_positive check (file_size > 0),
    constraint material_version_chunk_positive check (chunk_size > 0)
);

alter table material add constraint material_latest_version_fk
    foreign key (latest_version_id) references material_version (id);

-- The file's bytes, chunk_size bytes a row (the last one shorter). PDFs and Office files are
-- compressed already, so TOAST should store them as they are rather than try again.
create table material_file_chunk (
    version_id bigint  not null references material_version (id) on delete cascade,
    seq        integer not null,
    data       bytea   not null,
    primary key (version_id, seq)
);

alter table material_file_chunk alter column data set storage external;

create sequence material_distribution_seq start with 1 increment by 50;

create table material_distribution (
    id           bigint primary key,
    material_id  bigint        not null references material (id) on delete cascade,
    version_id   bigint        not null references material_version (id) on delete cascade,
    sent_on      date          not null,
    note         varchar(1000),
    target       varchar(16)   not null,
    district_ids bigint[],
    recipients   integer       not null default 0,
    created_at   timestamptz   not null default now(),
    created_by   varchar(64)   not null,
    constraint material_distribution_target_known check (target in ('ALL', 'DISTRICTS', 'ORGANIZATIONS'))
);

create index material_distribution_material_idx on material_distribution (material_id, created_at desc);

-- A version reaches an organization once: the first distribution that sent it. The chair's first
-- download and their acknowledgement are set once and never overwritten.
create table material_delivery (
    version_id      bigint      not null references material_version (id) on delete cascade,
    org_unit_id     bigint      not null references org_unit (id),
    material_id     bigint      not null references material (id) on delete cascade,
    distribution_id bigint      not null references material_distribution (id) on delete cascade,
    downloaded_at   timestamptz,
    downloaded_by   varchar(64),
    acknowledged_at timestamptz,
    acknowledged_by varchar(64),
    primary key (version_id, org_unit_id)
);

create index material_delivery_org_idx on material_delivery (org_unit_id, material_id);
create index material_delivery_material_idx on material_delivery (material_id);
create index material_delivery_distribution_idx on material_delivery (distribution_id);
