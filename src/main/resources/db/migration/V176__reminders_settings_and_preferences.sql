-- Reminders (kz.oqytu.reminders, decision 0025): each kind can be switched off by an administrator,
-- and each person can opt out of a kind and choose the language of their mail.
create table reminder_setting (
    kind       varchar(32)  primary key,
    enabled    boolean      not null default true,
    updated_at timestamptz,
    updated_by varchar(64),
    constraint reminder_setting_kind_known
        check (kind in ('CAMPAIGN_DEADLINE', 'FOLLOW_UP_SURVEY', 'SCHOOL_PLAN_DUE', 'MATERIAL_UNACKNOWLEDGED'))
);

insert into reminder_setting (kind, enabled) values
    ('CAMPAIGN_DEADLINE', true),
    ('FOLLOW_UP_SURVEY', true),
    ('SCHOOL_PLAN_DUE', true),
    ('MATERIAL_UNACKNOWLEDGED', true);

-- The language of a person's mail; without a row, Kazakh (the union's default language).
create table mail_preference (
    user_id    bigint       primary key references app_user (id) on delete cascade,
    language   varchar(2)   not null default 'kk',
    updated_at timestamptz  not null,
    constraint mail_preference_language_known check (language in ('kk', 'ru', 'en'))
);

create table reminder_opt_out (
    user_id bigint      not null references app_user (id) on delete cascade,
    kind    varchar(32) not null references reminder_setting (kind),
    primary key (user_id, kind)
);
