DROP INDEX "accounts_operator_id_uq";--> statement-breakpoint
ALTER TABLE "accounts" ADD COLUMN "deleted_at" timestamp with time zone;--> statement-breakpoint
CREATE UNIQUE INDEX "accounts_operator_id_uq" ON "accounts" USING btree ("organization_id","id_type","id_number_bidx") WHERE "accounts"."kind" = 'enterprise_operator' and "accounts"."deleted_at" is null;