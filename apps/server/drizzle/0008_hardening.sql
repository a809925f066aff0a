CREATE TABLE "audit_seals" (
	"chain" varchar(30) NOT NULL,
	"position" bigint NOT NULL,
	"row_seq" bigint NOT NULL,
	"hash" char(64) NOT NULL,
	"sealed_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "audit_seals_chain_position_pk" PRIMARY KEY("chain","position")
);
--> statement-breakpoint
CREATE TABLE "jobs" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"kind" varchar(60) NOT NULL,
	"payload_enc" text NOT NULL,
	"status" varchar(10) DEFAULT 'pending' NOT NULL,
	"attempts" integer DEFAULT 0 NOT NULL,
	"run_at" timestamp with time zone DEFAULT now() NOT NULL,
	"last_error" text,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"done_at" timestamp with time zone
);
--> statement-breakpoint
CREATE TABLE "rate_limit_counters" (
	"key" varchar(200) PRIMARY KEY NOT NULL,
	"count" integer NOT NULL,
	"reset_at" timestamp with time zone NOT NULL
);
--> statement-breakpoint
CREATE TABLE "sim_e_license_sessions" (
	"id" uuid PRIMARY KEY NOT NULL,
	"browser_key" varchar(64) NOT NULL,
	"status" varchar(12) NOT NULL,
	"enterprise_enc" text,
	"expires_at" timestamp with time zone NOT NULL
);
--> statement-breakpoint
ALTER TABLE "outbox" ALTER COLUMN "payload" DROP NOT NULL;--> statement-breakpoint
ALTER TABLE "audit_events" ADD COLUMN "seq" bigint NOT NULL GENERATED ALWAYS AS IDENTITY (sequence name "audit_events_seq_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 9223372036854775807 START WITH 1 CACHE 1);--> statement-breakpoint
ALTER TABLE "sign_in_audit" ADD COLUMN "seq" bigint NOT NULL GENERATED ALWAYS AS IDENTITY (sequence name "sign_in_audit_seq_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 9223372036854775807 START WITH 1 CACHE 1);--> statement-breakpoint
-- simulator rows held recipients in clear and cannot be indexed without the app key: start afresh
DELETE FROM "dev_outbox";--> statement-breakpoint
ALTER TABLE "dev_outbox" ADD COLUMN "to_bidx" varchar(64) NOT NULL;--> statement-breakpoint
ALTER TABLE "outbox" ADD COLUMN "payload_enc" text;--> statement-breakpoint
ALTER TABLE "outbox" ADD COLUMN "recipient" varchar(200) DEFAULT '' NOT NULL;--> statement-breakpoint
CREATE UNIQUE INDEX "audit_seals_row_uq" ON "audit_seals" USING btree ("chain","row_seq");--> statement-breakpoint
CREATE INDEX "jobs_due_idx" ON "jobs" USING btree ("status","run_at");--> statement-breakpoint
CREATE INDEX "rate_limit_counters_reset_idx" ON "rate_limit_counters" USING btree ("reset_at");--> statement-breakpoint
CREATE UNIQUE INDEX "audit_events_seq_uq" ON "audit_events" USING btree ("seq");--> statement-breakpoint
CREATE UNIQUE INDEX "sign_in_audit_seq_uq" ON "sign_in_audit" USING btree ("seq");--> statement-breakpoint
CREATE INDEX "dev_outbox_to_idx" ON "dev_outbox" USING btree ("to_bidx","created_at");--> statement-breakpoint
CREATE INDEX "outbox_sent_idx" ON "outbox" USING btree ("sent_at") WHERE "outbox"."payload_enc" is not null;