-- Reference data of union training (BRIEF.md): participant categories in the order of the
-- union's coverage table, the seven training forms, and the topic catalogue.
create table participant_category (
    code       varchar(32)  primary key,
    sort_order integer      not null unique,
    name_kk    varchar(200) not null,
    name_ru    varchar(200) not null,
    name_en    varchar(200) not null
);

insert into participant_category (code, sort_order, name_kk, name_ru, name_en) values
('UNION_MEMBER', 1, 'Кәсіподақ мүшелері', 'Члены профсоюза', 'Union members'),
('AUDIT_COMMISSION', 2, 'Тексеру комиссияларының мүшелері', 'Члены ревизионных комиссий', 'Audit-commission members'),
('ACTIVIST', 3, 'Кәсіподақ активі', 'Профсоюзный актив', 'Union activists'),
('CHAIR', 4, 'Кәсіподақ ұйымдарының төрағалары', 'Председатели профсоюзных организаций', 'Chairs of union organizations'),
('CONCILIATION_COMMISSION', 5, 'Келісу комиссияларының мүшелері', 'Члены согласительных комиссий', 'Conciliation-commission members');

create table training_form (
    code       varchar(32)  primary key,
    sort_order integer      not null unique,
    name_kk    varchar(200) not null,
    name_ru    varchar(200) not null,
    name_en    varchar(200) not null
);

insert into training_form (code, sort_order, name_kk, name_ru, name_en) values
('THEMATIC_SEMINAR', 1, 'Тақырыптық семинар', 'Тематический семинар', 'Thematic seminar'),
('SEMINAR_MEETING', 2, 'Семинар-кеңес', 'Семинар-совещание', 'Seminar-meeting'),
('SEMINAR_TRAINING', 3, 'Семинар-тренинг', 'Семинар-тренинг', 'Seminar-training'),
('SEMINAR_PRACTICUM', 4, 'Семинар-практикум', 'Семинар-практикум', 'Seminar-practicum'),
('ROUND_TABLE', 5, 'Дөңгелек үстел', 'Круглый стол', 'Round table'),
('EXPERIENCE_EXCHANGE', 6, 'Тәжірибе алмасу', 'Обмен опытом', 'Experience exchange'),
('MOBILE_TRAINING', 7, 'Еңбек ұжымдарындағы көшпелі оқыту', 'Выездное обучение в трудовых коллективах',
 'On-site training in work collectives');

create table training_topic (
    code       varchar(32)  primary key,
    sort_order integer      not null unique,
    name_kk    varchar(200) not null,
    name_ru    varchar(200) not null,
    name_en    varchar(200) not null
);

insert into training_topic (code, sort_order, name_kk, name_ru, name_en) values
('LABOUR_LAW', 1, 'Еңбек заңнамасы және еңбек құқықтарын қорғау', 'Трудовое законодательство и защита трудовых прав',
 'Labour legislation and protection of labour rights'),
('COLLECTIVE_AGREEMENT', 2, 'Ұжымдық-шарттық реттеу', 'Коллективно-договорное регулирование', 'Collective-agreement regulation'),
('NEGOTIATIONS', 3, 'Келіссөздер жүргізу', 'Ведение переговоров', 'Negotiations'),
('COMMUNICATION', 4, 'Тиімді коммуникация', 'Эффективная коммуникация', 'Effective communication'),
('FINANCIAL_LITERACY', 5, 'Қаржылық сауаттылық', 'Финансовая грамотность', 'Financial literacy'),
('INFORMATION_LITERACY', 6, 'Ақпараттық сауаттылық', 'Информационная грамотность', 'Information literacy'),
('LEGAL_LITERACY', 7, 'Құқықтық сауаттылық', 'Правовая грамотность', 'Legal literacy'),
('OTHER', 8, 'Басқа өзекті тақырыптар', 'Другие актуальные темы', 'Other current topics');
