CREATE TABLE "hub_devices" (
	"device_hash" varchar(64) PRIMARY KEY NOT NULL,
	"account_id" uuid NOT NULL,
	"pin_hash" varchar(200),
	"default_method" varchar(8) DEFAULT 'face' NOT NULL,
	"failed_pins" integer DEFAULT 0 NOT NULL,
	"locked_until" timestamp with time zone,
	"created_at" timestamp with time zone NOT NULL,
	"last_used_at" timestamp with time zone
);
--> statement-breakpoint
CREATE TABLE "licence_links" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"account_id" uuid NOT NULL,
	"type" varchar(30) NOT NULL,
	"city" varchar(4),
	"source" varchar(40) NOT NULL,
	"record_enc" text NOT NULL,
	"number_bidx" varchar(64) NOT NULL,
	"linked_at" timestamp with time zone NOT NULL,
	"unlinked_at" timestamp with time zone
);
--> statement-breakpoint
CREATE TABLE "licence_signing_keys" (
	"kid" varchar(40) PRIMARY KEY NOT NULL,
	"private_key_enc" text NOT NULL,
	"public_jwk" text NOT NULL,
	"created_at" timestamp with time zone NOT NULL,
	"retire_at" timestamp with time zone
);
--> statement-breakpoint
ALTER TABLE "sessions" ADD COLUMN "hub_device" varchar(64);--> statement-breakpoint
ALTER TABLE "sessions" ADD COLUMN "revoked_reason" varchar(20);--> statement-breakpoint
ALTER TABLE "hub_devices" ADD CONSTRAINT "hub_devices_account_id_accounts_id_fk" FOREIGN KEY ("account_id") REFERENCES "public"."accounts"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "hub_devices_account_idx" ON "hub_devices" USING btree ("account_id");--> statement-breakpoint
CREATE UNIQUE INDEX "licence_links_live_uq" ON "licence_links" USING btree ("account_id","type") WHERE unlinked_at is null;--> statement-breakpoint
CREATE INDEX "licence_links_account_idx" ON "licence_links" USING btree ("account_id");--> statement-breakpoint
CREATE INDEX "sessions_hub_live_idx" ON "sessions" USING btree ("account_id") WHERE hub_device is not null and revoked_at is null;