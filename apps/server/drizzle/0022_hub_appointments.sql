CREATE TABLE "hub_appointment_details" (
	"booking_id" uuid PRIMARY KEY NOT NULL,
	"account_id" uuid NOT NULL,
	"kind" varchar(24) NOT NULL,
	"business" varchar(40) NOT NULL,
	"city" varchar(4) NOT NULL,
	"partner_enc" text,
	"first_withdrawal" boolean,
	"created_at" timestamp with time zone NOT NULL
);
--> statement-breakpoint
CREATE INDEX "hub_appointment_details_account_idx" ON "hub_appointment_details" USING btree ("account_id","created_at");