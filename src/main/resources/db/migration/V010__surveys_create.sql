-- Questionnaires in versions, per-event surveys with their QR token and typed short code,
-- anonymous responses tied to the version they answered, and interviews.
create sequence survey_seq start with 1000 increment by 50;

create table questionnaire (
    id         bigint primary key,
    kind       varchar(16)  not null,
    name_kk    varchar(300) not null,
    name_ru    varchar(300) not null,
    created_at timestamptz  not null default now(),
    constraint questionnaire_kind_known check (kind in ('POST_EVENT', 'FOLLOW_UP'))
);

-- The questionnaire of a kind that new event surveys use.
create unique index questionnaire_one_per_kind on questionnaire (kind);

create table questionnaire_version (
    id               bigint primary key,
    questionnaire_id bigint      not null references questionnaire (id),
    version_no       integer     not null,
    current          boolean     not null default true,
    created_at       timestamptz not null default now(),
    created_by       varchar(64),
    constraint questionnaire_version_unique unique (questionnaire_id, version_no)
);

create unique index questionnaire_version_one_current on questionnaire_version (questionnaire_id) where current;

create table question (
    id         bigint primary key,
    version_id bigint        not null references questionnaire_version (id),
    position   integer       not null,
    code       varchar(40)   not null,
    type       varchar(16)   not null,
    text_kk    varchar(500)  not null,
    text_ru    varchar(500)  not null,
    required   boolean       not null default false,
    max_length integer,
    constraint question_type_known check (type in ('RATING', 'SINGLE', 'MULTIPLE', 'TOPICS', 'CATEGORY', 'ORGANIZATION', 'TEXT')),
    constraint question_code_unique unique (version_id, code),
    constraint question_position_unique unique (version_id, position)
);

create table question_option (
    id          bigint primary key,
    question_id bigint       not null references question (id),
    position    integer      not null,
    code        varchar(40)  not null,
    text_kk     varchar(300) not null,
    text_ru     varchar(300) not null,
    constraint question_option_unique unique (question_id, code)
);

create table event_survey (
    id               bigint primary key,
    event_id         bigint       not null references training_event (id),
    kind             varchar(16)  not null,
    questionnaire_id bigint       not null references questionnaire (id),
    token            varchar(32)  not null,
    short_code       varchar(12)  not null,
    opens_at         timestamp    not null,
    closes_at        timestamp    not null,
    -- true once the methodologist set the window by hand; otherwise it follows the event's dates
    window_manual     boolean      not null default false,
    created_at       timestamptz  not null default now(),
    version          integer      not null default 0,
    constraint event_survey_kind_known check (kind in ('POST_EVENT', 'FOLLOW_UP')),
    constraint event_survey_one_per_kind unique (event_id, kind),
    constraint event_survey_token_unique unique (token),
    constraint event_survey_code_unique unique (short_code),
    constraint event_survey_window check (closes_at > opens_at)
);

create table survey_response (
    id              bigint primary key,
    event_survey_id bigint      not null references event_survey (id),
    version_id      bigint      not null references questionnaire_version (id),
    -- random id of the answering device (a server-issued cookie), never a person
    device_id       uuid        not null,
    -- keyed hash of network address and browser, only to notice one device answering many times
    fingerprint     varchar(64) not null,
    flagged         boolean     not null default false,
    organization_id bigint references org_unit (id),
    category_code   varchar(32) references participant_category (code),
    submitted_at    timestamptz not null default now(),
    constraint survey_response_once_per_device unique (event_survey_id, device_id)
);

create index survey_response_survey_idx on survey_response (event_survey_id);
create index survey_response_fingerprint_idx on survey_response (event_survey_id, fingerprint);
create index survey_response_org_idx on survey_response (organization_id);

create table survey_answer (
    response_id bigint       not null references survey_response (id) on delete cascade,
    question_id bigint       not null references question (id),
    rating      smallint,
    option_code varchar(40),
    text_value  varchar(2000),
    constraint survey_answer_rating_range check (rating is null or rating between 1 and 5)
);

create index survey_answer_response_idx on survey_answer (response_id);
create index survey_answer_question_idx on survey_answer (question_id);

create table interview (
    id               bigint primary key,
    held_on          date          not null,
    organization_id  bigint        not null references org_unit (id),
    interviewer      varchar(200)  not null,
    respondent_role  varchar(200)  not null,
    findings         varchar(4000) not null,
    usefulness       smallint,
    practical_use    smallint,
    notes            varchar(4000),
    created_by       varchar(64)   not null,
    created_at       timestamptz   not null default now(),
    version          integer       not null default 0,
    constraint interview_usefulness_range check (usefulness is null or usefulness between 1 and 5),
    constraint interview_practical_range check (practical_use is null or practical_use between 1 and 5)
);

create index interview_org_idx on interview (organization_id);
