ALTER TABLE "action_tokens" DROP CONSTRAINT "action_tokens_application_id_applications_id_fk";
