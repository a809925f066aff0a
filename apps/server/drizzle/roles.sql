-- Least-privilege application role for PostgreSQL: the audit tables are append-only for it.
--
-- Not a migration (drizzle-kit does not read this file). An operator runs it once per database,
-- as the role that owns the tables and runs the migrations, after the migrations are applied:
--
--   psql "postgres://owner@host/singlewindow" -v ON_ERROR_STOP=1 -f apps/server/drizzle/roles.sql
--   psql "postgres://owner@host/singlewindow" -c "\password sw_app"
--
-- then the servers connect as sw_app (DATABASE_URL=postgres://sw_app:…@host/singlewindow). Run it
-- again after a migration that adds a table in another schema; tables created later in `public`
-- by the owner get the ordinary grants through the default privileges below. Another role name:
-- replace every `sw_app` in this file. Needs CREATEROLE (or a superuser) the first time only.
--
-- What sw_app may do
--   * every table in `public`: SELECT, INSERT, UPDATE, DELETE (no TRUNCATE, no DDL);
--   * `audit_events`, `sign_in_audit`, `audit_seals`: SELECT and INSERT only — no UPDATE, DELETE
--     or TRUNCATE, so a compromised or buggy server can add audit rows and seals but not change
--     or remove one (the sealer only ever inserts seals);
--   * sequences: USAGE and SELECT (nextval, currval), not UPDATE (setval);
--   * `drizzle.__drizzle_migrations`: SELECT, for the readiness check.
-- It owns nothing, so it cannot ALTER, DROP or disable triggers on any table, and cannot run
-- migrations: those keep running as the owner.
--
-- What it does not cover: the owner and superusers can still change anything (the seals make
-- that visible; `npm run audit:verify`). A foreign key's ON DELETE action runs as the table's
-- owner; the audit tables' keys have none (deleting an account they name is refused). A future
-- append-only table needs its own REVOKE line below.
--
-- With the server connecting as sw_app, apply migrations as the owner before starting a new
-- version: `DATABASE_URL=postgres://owner@host/singlewindow npm run db:migrate` (a server start
-- as sw_app applies nothing when nothing is pending, and fails when something is).

DO $$
BEGIN
  IF NOT EXISTS (SELECT FROM pg_roles WHERE rolname = 'sw_app') THEN
    CREATE ROLE sw_app LOGIN NOSUPERUSER NOCREATEDB NOCREATEROLE NOINHERIT NOREPLICATION;
  END IF;
END
$$;

-- PostgreSQL < 15 lets every role create objects in `public`; the application must not
REVOKE CREATE ON SCHEMA public FROM PUBLIC;
GRANT USAGE ON SCHEMA public TO sw_app;

GRANT SELECT, INSERT, UPDATE, DELETE ON ALL TABLES IN SCHEMA public TO sw_app;
GRANT USAGE, SELECT ON ALL SEQUENCES IN SCHEMA public TO sw_app;

-- the audit trail: append-only
REVOKE ALL ON audit_events, sign_in_audit, audit_seals FROM sw_app;
GRANT SELECT, INSERT ON audit_events, sign_in_audit, audit_seals TO sw_app;
REVOKE ALL ON SEQUENCE audit_events_seq_seq, sign_in_audit_seq_seq FROM sw_app;
GRANT USAGE, SELECT ON SEQUENCE audit_events_seq_seq, sign_in_audit_seq_seq TO sw_app;

-- tables and sequences the owner creates later (future migrations) get the ordinary grants
ALTER DEFAULT PRIVILEGES IN SCHEMA public GRANT SELECT, INSERT, UPDATE, DELETE ON TABLES TO sw_app;
ALTER DEFAULT PRIVILEGES IN SCHEMA public GRANT USAGE, SELECT ON SEQUENCES TO sw_app;

-- the migration journal, read by the readiness check (GET /api/ready)
GRANT USAGE ON SCHEMA drizzle TO sw_app;
GRANT SELECT ON drizzle.__drizzle_migrations TO sw_app;
