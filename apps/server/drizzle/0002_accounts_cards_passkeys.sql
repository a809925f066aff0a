CREATE TYPE "public"."card_role" AS ENUM('legal_person', 'operator');--> statement-breakpoint
ALTER TYPE "public"."otp_purpose" ADD VALUE 'settings';--> statement-breakpoint
CREATE TABLE "passkey_credentials" (
	"id" varchar(512) PRIMARY KEY NOT NULL,
	"account_id" uuid NOT NULL,
	"public_key" text NOT NULL,
	"counter" bigint DEFAULT 0 NOT NULL,
	"transports" varchar(200),
	"device_type" varchar(32),
	"backed_up" boolean DEFAULT false NOT NULL,
	"name" varchar(64) NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"last_used_at" timestamp with time zone
);
--> statement-breakpoint
CREATE TABLE "webauthn_challenges" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"challenge" varchar(128) NOT NULL,
	"purpose" varchar(16) NOT NULL,
	"account_id" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"expires_at" timestamp with time zone NOT NULL,
	"used_at" timestamp with time zone
);
--> statement-breakpoint
CREATE TABLE "card_challenges" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"nonce" varchar(64) NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"expires_at" timestamp with time zone NOT NULL,
	"used_at" timestamp with time zone
);
--> statement-breakpoint
CREATE TABLE "cards" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"card_no" varchar(32) NOT NULL,
	"serial" varchar(64) NOT NULL,
	"role" "card_role" NOT NULL,
	"holder_name" varchar(100) NOT NULL,
	"holder_id_type" "id_type" NOT NULL,
	"holder_id_number_enc" text NOT NULL,
	"holder_id_number_bidx" varchar(64) NOT NULL,
	"credit_code" varchar(18),
	"org_code" varchar(9) NOT NULL,
	"org_name" varchar(200) NOT NULL,
	"not_before" timestamp with time zone NOT NULL,
	"not_after" timestamp with time zone NOT NULL,
	"certificate_pem" text NOT NULL,
	"pkcs12_enc" text NOT NULL,
	"account_id" uuid,
	"bound_at" timestamp with time zone,
	"issued_by" uuid,
	"issued_at" timestamp with time zone DEFAULT now() NOT NULL,
	"revoked_at" timestamp with time zone,
	"revoked_by" uuid,
	"revoke_reason" varchar(200)
);
--> statement-breakpoint
CREATE TABLE "pki_authority" (
	"id" smallint PRIMARY KEY NOT NULL,
	"subject" varchar(300) NOT NULL,
	"certificate_pem" text NOT NULL,
	"private_key_enc" text NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
ALTER TABLE "accounts" ADD COLUMN "must_verify_mobile" boolean DEFAULT false NOT NULL;--> statement-breakpoint
ALTER TABLE "accounts" ADD COLUMN "phone_login_enabled" boolean DEFAULT false NOT NULL;--> statement-breakpoint
ALTER TABLE "accounts" ADD COLUMN "department" varchar(100);--> statement-breakpoint
ALTER TABLE "accounts" ADD COLUMN "job_title" varchar(100);--> statement-breakpoint
ALTER TABLE "accounts" ADD COLUMN "phone_enc" text;--> statement-breakpoint
ALTER TABLE "accounts" ADD COLUMN "fax" varchar(40);--> statement-breakpoint
ALTER TABLE "accounts" ADD COLUMN "notes" varchar(500);--> statement-breakpoint
ALTER TABLE "accounts" ADD COLUMN "created_by" uuid;--> statement-breakpoint
ALTER TABLE "organizations" ADD COLUMN "legal_rep_name" varchar(100);--> statement-breakpoint
ALTER TABLE "organizations" ADD COLUMN "legal_rep_id_type" "id_type";--> statement-breakpoint
ALTER TABLE "organizations" ADD COLUMN "legal_rep_id_number_enc" text;--> statement-breakpoint
ALTER TABLE "organizations" ADD COLUMN "legal_rep_id_number_bidx" varchar(64);--> statement-breakpoint
ALTER TABLE "organizations" ADD COLUMN "legal_rep_id_valid_from" varchar(8);--> statement-breakpoint
ALTER TABLE "organizations" ADD COLUMN "legal_rep_id_valid_to" varchar(8);--> statement-breakpoint
ALTER TABLE "organizations" ADD COLUMN "country_code" varchar(3);--> statement-breakpoint
ALTER TABLE "organizations" ADD COLUMN "registration_no" varchar(60);--> statement-breakpoint
ALTER TABLE "organizations" ADD COLUMN "address" varchar(300);--> statement-breakpoint
ALTER TABLE "organizations" ADD COLUMN "source" varchar(20) DEFAULT 'registration' NOT NULL;--> statement-breakpoint
ALTER TABLE "passkey_credentials" ADD CONSTRAINT "passkey_credentials_account_id_accounts_id_fk" FOREIGN KEY ("account_id") REFERENCES "public"."accounts"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "webauthn_challenges" ADD CONSTRAINT "webauthn_challenges_account_id_accounts_id_fk" FOREIGN KEY ("account_id") REFERENCES "public"."accounts"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "cards" ADD CONSTRAINT "cards_account_id_accounts_id_fk" FOREIGN KEY ("account_id") REFERENCES "public"."accounts"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "cards" ADD CONSTRAINT "cards_issued_by_accounts_id_fk" FOREIGN KEY ("issued_by") REFERENCES "public"."accounts"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "cards" ADD CONSTRAINT "cards_revoked_by_accounts_id_fk" FOREIGN KEY ("revoked_by") REFERENCES "public"."accounts"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "passkey_credentials_account_idx" ON "passkey_credentials" USING btree ("account_id");--> statement-breakpoint
CREATE UNIQUE INDEX "cards_card_no_uq" ON "cards" USING btree ("card_no");--> statement-breakpoint
CREATE UNIQUE INDEX "cards_serial_uq" ON "cards" USING btree ("serial");--> statement-breakpoint
CREATE INDEX "cards_account_idx" ON "cards" USING btree ("account_id");--> statement-breakpoint
CREATE INDEX "cards_org_code_idx" ON "cards" USING btree ("org_code");--> statement-breakpoint
CREATE UNIQUE INDEX "accounts_phone_login_uq" ON "accounts" USING btree ("mobile_bidx") WHERE "accounts"."phone_login_enabled";--> statement-breakpoint
CREATE UNIQUE INDEX "accounts_org_admin_uq" ON "accounts" USING btree ("organization_id") WHERE "accounts"."kind" in ('enterprise_admin', 'institution_admin', 'overseas');--> statement-breakpoint
CREATE UNIQUE INDEX "accounts_operator_id_uq" ON "accounts" USING btree ("organization_id","id_type","id_number_bidx") WHERE "accounts"."kind" = 'enterprise_operator';--> statement-breakpoint
CREATE UNIQUE INDEX "organizations_credit_code_uq" ON "organizations" USING btree ("credit_code");