CREATE TABLE "cert_review_cert_types" (
	"code" varchar(40) PRIMARY KEY NOT NULL,
	"name" jsonb NOT NULL,
	"active" boolean DEFAULT true NOT NULL,
	"sort" integer DEFAULT 100 NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_by" uuid
);
--> statement-breakpoint
CREATE TABLE "cert_review_records" (
	"application_id" uuid PRIMARY KEY NOT NULL,
	"organization_id" uuid,
	"applicant_account_id" uuid NOT NULL,
	"number" varchar(40) NOT NULL,
	"cert_type" varchar(40) NOT NULL,
	"cert_type_name" varchar(100) NOT NULL,
	"cert_no" varchar(50) NOT NULL,
	"status" varchar(20) NOT NULL,
	"submitted_at" timestamp with time zone NOT NULL,
	"readded_from" uuid,
	"readded_from_number" varchar(40),
	"check_status" varchar(12) DEFAULT 'pending' NOT NULL,
	"check_outcome" varchar(12),
	"authority_enc" text,
	"authority_before_enc" text,
	"authority_changed_at" timestamp with time zone,
	"checked_at" timestamp with time zone,
	"check_attempts" integer DEFAULT 0 NOT NULL,
	"next_check_at" timestamp with time zone
);
--> statement-breakpoint
CREATE TABLE "cert_review_sim_certificates" (
	"cert_type" varchar(40) NOT NULL,
	"cert_no" varchar(50) PRIMARY KEY NOT NULL,
	"data_enc" text NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "cert_review_sim_settings" (
	"key" varchar(40) PRIMARY KEY NOT NULL,
	"value" text NOT NULL
);
--> statement-breakpoint
CREATE INDEX "cert_review_records_org_idx" ON "cert_review_records" USING btree ("organization_id","submitted_at");--> statement-breakpoint
CREATE INDEX "cert_review_records_applicant_idx" ON "cert_review_records" USING btree ("applicant_account_id","submitted_at");--> statement-breakpoint
CREATE INDEX "cert_review_records_recheck_idx" ON "cert_review_records" USING btree ("next_check_at") WHERE "cert_review_records"."next_check_at" is not null;