-- Issue #17: the national officer, an account of the union's national office (scoped to the root of
-- the tree), who reads every region and records the approval of the national report (decision 0033).
alter table app_user drop constraint app_user_role_known;
alter table app_user add constraint app_user_role_known
    check (role in ('ADMIN', 'METHODOLOGIST', 'EXECUTIVE', 'CHAIR', 'NATIONAL_OFFICER'));
