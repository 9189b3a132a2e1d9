-- Organization names sort as people read them: "№ 2" before "№ 12", Kazakh letters in Kazakh
-- alphabet order (Ә after А, І after Ы), quotes and spaces ignored ("«Балапан»" beside "Балапан").
-- The collation is on the columns, so every ORDER BY name (lists, pickers, exports, SQL in every
-- module) follows it without naming it. It is deterministic: equality and unique indexes are as before.
-- Without ICU (a PostgreSQL built without it) the names keep the database's order.
do $$
begin
    if exists (select 1 from pg_collation where collprovider = 'i') then
        create collation if not exists natural_name (provider = icu, locale = 'kk-u-kn-true-ka-shifted');
    else
        create collation if not exists natural_name from "default";
    end if;
end $$;

-- A plain view that reads the names would block the change of collation: such views are dropped and
-- recreated around it with their own definitions.
do $$
declare
    v record;
    saved text[] := '{}';
    names text[] := '{}';
    i int;
begin
    for v in
        select distinct c.oid::regclass::text as name, pg_get_viewdef(c.oid) as def
        from pg_depend d
        join pg_rewrite r on r.oid = d.objid
        join pg_class c on c.oid = r.ev_class
        join pg_attribute a on a.attrelid = d.refobjid and a.attnum = d.refobjsubid
        where d.refobjid = 'org_unit'::regclass and a.attname in ('name_kk', 'name_ru')
          and c.oid <> 'org_unit'::regclass and c.relkind = 'v'
    loop
        names := names || v.name;
        saved := saved || v.def;
        execute 'drop view ' || v.name;
    end loop;
    alter table org_unit alter column name_kk type varchar(300) collate natural_name;
    alter table org_unit alter column name_ru type varchar(300) collate natural_name;
    for i in 1 .. coalesce(array_length(names, 1), 0) loop
        execute 'create view ' || names[i] || ' as ' || saved[i];
    end loop;
end $$;
