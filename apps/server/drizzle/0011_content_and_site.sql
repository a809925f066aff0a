CREATE TYPE "public"."content_kind" AS ENUM('notice', 'policy', 'guide');--> statement-breakpoint
CREATE TYPE "public"."content_status" AS ENUM('draft', 'published');--> statement-breakpoint
CREATE TABLE "content_articles" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"kind" "content_kind" NOT NULL,
	"status" "content_status" DEFAULT 'draft' NOT NULL,
	"service_code" varchar(60),
	"title" jsonb NOT NULL,
	"body_markdown" jsonb NOT NULL,
	"body_html" jsonb NOT NULL,
	"summary" jsonb NOT NULL,
	"version" integer DEFAULT 1 NOT NULL,
	"author_id" uuid NOT NULL,
	"updated_by" uuid NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	"published_at" timestamp with time zone
);
--> statement-breakpoint
CREATE INDEX "content_articles_created_idx" ON "content_articles" USING btree ("created_at","id");--> statement-breakpoint
CREATE INDEX "content_articles_public_idx" ON "content_articles" USING btree ("published_at","id") WHERE "content_articles"."status" = 'published';--> statement-breakpoint
CREATE INDEX "content_articles_published_idx" ON "content_articles" USING btree ("kind","published_at","id") WHERE "content_articles"."status" = 'published';--> statement-breakpoint
CREATE INDEX "content_articles_service_idx" ON "content_articles" USING btree ("service_code","published_at","id") WHERE "content_articles"."status" = 'published' and "content_articles"."service_code" is not null;