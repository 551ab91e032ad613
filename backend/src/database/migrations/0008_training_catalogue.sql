CREATE TABLE "catalogue_listings" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"catalogue" text NOT NULL,
	"subject_id" uuid NOT NULL,
	"listed_from" date NOT NULL,
	"listed_until" date,
	"source" text NOT NULL,
	"created_by" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "training_courses" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"code" text NOT NULL,
	"title" text NOT NULL,
	"institution_id" uuid NOT NULL,
	"platform_id" uuid,
	"occupation" text NOT NULL,
	"level" text NOT NULL,
	"kind" text NOT NULL,
	"description" text DEFAULT '' NOT NULL,
	"modules" jsonb NOT NULL,
	"status" text DEFAULT 'draft' NOT NULL,
	"rules_version" text NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "training_institutions" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"name" text NOT NULL,
	"unified_social_credit_code" text NOT NULL,
	"kind" text NOT NULL,
	"district" text NOT NULL,
	"created_by" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "training_platforms" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"name" text NOT NULL,
	"url" text NOT NULL,
	"kind" text NOT NULL,
	"operator" text NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
ALTER TABLE "catalogue_listings" ADD CONSTRAINT "catalogue_listings_created_by_users_id_fk" FOREIGN KEY ("created_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "training_courses" ADD CONSTRAINT "training_courses_institution_id_training_institutions_id_fk" FOREIGN KEY ("institution_id") REFERENCES "public"."training_institutions"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "training_courses" ADD CONSTRAINT "training_courses_platform_id_training_platforms_id_fk" FOREIGN KEY ("platform_id") REFERENCES "public"."training_platforms"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "training_institutions" ADD CONSTRAINT "training_institutions_created_by_users_id_fk" FOREIGN KEY ("created_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "catalogue_listings_subject_idx" ON "catalogue_listings" USING btree ("catalogue","subject_id");--> statement-breakpoint
CREATE UNIQUE INDEX "training_courses_code_key" ON "training_courses" USING btree ("code");--> statement-breakpoint
CREATE INDEX "training_courses_institution_idx" ON "training_courses" USING btree ("institution_id");--> statement-breakpoint
CREATE UNIQUE INDEX "training_institutions_uscc_key" ON "training_institutions" USING btree ("unified_social_credit_code");