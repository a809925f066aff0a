CREATE TYPE "public"."consultation_sender" AS ENUM('applicant', 'staff', 'system');--> statement-breakpoint
CREATE TYPE "public"."consultation_status" AS ENUM('waiting', 'active', 'closed');--> statement-breakpoint
CREATE TABLE "consultation_messages" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"consultation_id" uuid NOT NULL,
	"seq" integer NOT NULL,
	"sender" "consultation_sender" NOT NULL,
	"author_id" uuid,
	"body" text NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "consultation_messages_seq_key" UNIQUE("consultation_id","seq")
);
--> statement-breakpoint
CREATE TABLE "consultation_replies" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"service_code" varchar(60) NOT NULL,
	"title" varchar(40) NOT NULL,
	"body" text NOT NULL,
	"created_by" uuid NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "consultations" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"service_code" varchar(60) NOT NULL,
	"account_id" uuid NOT NULL,
	"status" "consultation_status" DEFAULT 'waiting' NOT NULL,
	"staff_id" uuid,
	"subject" text NOT NULL,
	"last_seq" integer DEFAULT 0 NOT NULL,
	"applicant_seen" integer DEFAULT 0 NOT NULL,
	"staff_seen" integer DEFAULT 0 NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"taken_at" timestamp with time zone,
	"last_message_at" timestamp with time zone DEFAULT now() NOT NULL,
	"closed_at" timestamp with time zone
);
--> statement-breakpoint
ALTER TABLE "consultation_messages" ADD CONSTRAINT "consultation_messages_consultation_id_consultations_id_fk" FOREIGN KEY ("consultation_id") REFERENCES "public"."consultations"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "consultation_replies_service_idx" ON "consultation_replies" USING btree ("service_code","created_at");--> statement-breakpoint
CREATE UNIQUE INDEX "consultations_open_idx" ON "consultations" USING btree ("account_id","service_code") WHERE "consultations"."status" <> 'closed';--> statement-breakpoint
CREATE INDEX "consultations_account_idx" ON "consultations" USING btree ("account_id","created_at");--> statement-breakpoint
CREATE INDEX "consultations_queue_idx" ON "consultations" USING btree ("service_code","status","last_message_at");--> statement-breakpoint
CREATE INDEX "consultations_staff_idx" ON "consultations" USING btree ("staff_id","status");