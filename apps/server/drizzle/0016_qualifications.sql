CREATE TABLE "organization_qualifications" (
	"organization_id" uuid PRIMARY KEY NOT NULL,
	"data" jsonb NOT NULL,
	"updated_at" timestamp with time zone,
	"updated_by" uuid,
	"market_synced_at" timestamp with time zone,
	"commerce_synced_at" timestamp with time zone
);
--> statement-breakpoint
ALTER TABLE "organization_qualifications" ADD CONSTRAINT "organization_qualifications_organization_id_organizations_id_fk" FOREIGN KEY ("organization_id") REFERENCES "public"."organizations"("id") ON DELETE cascade ON UPDATE no action;