CREATE TABLE "account_recovery_requests" (
	"application_id" uuid PRIMARY KEY NOT NULL,
	"locale" varchar(5) NOT NULL,
	"password_hash" text,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
ALTER TABLE "applications" ALTER COLUMN "applicant_account_id" DROP NOT NULL;