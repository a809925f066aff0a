ALTER TABLE "sign_in_audit" DROP CONSTRAINT "sign_in_audit_account_id_accounts_id_fk";
--> statement-breakpoint
ALTER TABLE "sign_in_audit" ADD CONSTRAINT "sign_in_audit_account_id_accounts_id_fk" FOREIGN KEY ("account_id") REFERENCES "public"."accounts"("id") ON DELETE no action ON UPDATE no action;