ALTER TYPE "public"."content_kind" ADD VALUE 'faq';--> statement-breakpoint
ALTER TABLE "content_articles" ADD COLUMN "category" varchar(40);