CREATE TABLE "appointment_bookings" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"slot_id" uuid NOT NULL,
	"service_code" varchar(60) NOT NULL,
	"resource" varchar(40) NOT NULL,
	"day" date NOT NULL,
	"subject" varchar(80) NOT NULL,
	"account_id" uuid NOT NULL,
	"status" varchar(12) DEFAULT 'booked' NOT NULL,
	"voucher" varchar(24) NOT NULL,
	"created_at" timestamp with time zone NOT NULL,
	"cancelled_at" timestamp with time zone,
	"reminded_at" timestamp with time zone
);
--> statement-breakpoint
CREATE TABLE "appointment_free_days" (
	"service_code" varchar(60) NOT NULL,
	"resource" varchar(40) NOT NULL,
	"day" date NOT NULL,
	"free_of_booking" boolean DEFAULT true NOT NULL,
	CONSTRAINT "appointment_free_days_service_code_resource_day_pk" PRIMARY KEY("service_code","resource","day")
);
--> statement-breakpoint
CREATE TABLE "appointment_slots" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"service_code" varchar(60) NOT NULL,
	"resource" varchar(40) NOT NULL,
	"day" date NOT NULL,
	"starts" varchar(5) NOT NULL,
	"ends" varchar(5) NOT NULL,
	"capacity" integer NOT NULL,
	"booked" integer DEFAULT 0 NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_by" uuid,
	CONSTRAINT "appointment_slots_booked_ck" CHECK ("appointment_slots"."booked" >= 0 and "appointment_slots"."booked" <= "appointment_slots"."capacity")
);
--> statement-breakpoint
CREATE TABLE "northbound_crossings" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"record_id" uuid NOT NULL,
	"direction" varchar(5) NOT NULL,
	"port" varchar(40) NOT NULL,
	"at" timestamp with time zone NOT NULL,
	"without_booking" boolean DEFAULT false NOT NULL
);
--> statement-breakpoint
CREATE TABLE "northbound_profiles" (
	"account_id" uuid PRIMARY KEY NOT NULL,
	"gender" varchar(6) NOT NULL,
	"birth_date" varchar(10) NOT NULL,
	"id_valid_to" varchar(10) NOT NULL,
	"address_enc" text NOT NULL,
	"activate_national" boolean DEFAULT false NOT NULL,
	"created_at" timestamp with time zone NOT NULL
);
--> statement-breakpoint
CREATE TABLE "northbound_records" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"hktd_ref" varchar(30) NOT NULL,
	"application_id" uuid NOT NULL,
	"owner_hkid_bidx" varchar(64) NOT NULL,
	"account_id" uuid,
	"data_enc" text NOT NULL,
	"data_hash" varchar(64) NOT NULL,
	"hk_plate" varchar(12) NOT NULL,
	"permitted_from" varchar(10) NOT NULL,
	"permitted_until" varchar(10) NOT NULL,
	"insurance_enc" text,
	"temp_plate" varchar(16),
	"tag_no" varchar(24),
	"driver_tags" text,
	"permit_valid_from" varchar(10),
	"permit_valid_to" varchar(10),
	"created_at" timestamp with time zone NOT NULL,
	"updated_at" timestamp with time zone NOT NULL,
	CONSTRAINT "northbound_records_hktd_ref_unique" UNIQUE("hktd_ref"),
	CONSTRAINT "northbound_records_application_id_unique" UNIQUE("application_id"),
	CONSTRAINT "northbound_records_temp_plate_unique" UNIQUE("temp_plate")
);
--> statement-breakpoint
CREATE UNIQUE INDEX "appointment_bookings_voucher_uq" ON "appointment_bookings" USING btree ("voucher");--> statement-breakpoint
CREATE UNIQUE INDEX "appointment_bookings_live_uq" ON "appointment_bookings" USING btree ("service_code","subject","day") WHERE "appointment_bookings"."status" = 'booked';--> statement-breakpoint
CREATE INDEX "appointment_bookings_account_idx" ON "appointment_bookings" USING btree ("account_id","created_at");--> statement-breakpoint
CREATE INDEX "appointment_bookings_day_idx" ON "appointment_bookings" USING btree ("service_code","day","status");--> statement-breakpoint
CREATE UNIQUE INDEX "appointment_slots_uq" ON "appointment_slots" USING btree ("service_code","resource","day","starts");--> statement-breakpoint
CREATE INDEX "northbound_crossings_record_idx" ON "northbound_crossings" USING btree ("record_id","at");--> statement-breakpoint
CREATE INDEX "northbound_records_hkid_idx" ON "northbound_records" USING btree ("owner_hkid_bidx");--> statement-breakpoint
CREATE INDEX "northbound_records_account_idx" ON "northbound_records" USING btree ("account_id") WHERE "northbound_records"."account_id" is not null;