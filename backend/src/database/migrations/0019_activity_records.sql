CREATE TABLE "a4_employer_services" (
	"id" bigserial PRIMARY KEY NOT NULL,
	"agency_id" uuid NOT NULL,
	"employer_uscc" text NOT NULL,
	"employer_name" text NOT NULL,
	"served" boolean NOT NULL,
	"batch_id" uuid NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "a5_resume_downloads" (
	"id" bigserial PRIMARY KEY NOT NULL,
	"download_ref" text NOT NULL,
	"agency_id" uuid NOT NULL,
	"employer_uscc" text NOT NULL,
	"resume_ref" text NOT NULL,
	"list_price_fen" integer NOT NULL,
	"downloaded_on" date NOT NULL,
	"counted_by_yingcai" boolean NOT NULL,
	"offered_annual_salary" integer,
	"employer_region" text NOT NULL,
	"degree" text NOT NULL,
	"title_associate_senior_or_above" boolean NOT NULL,
	"skill_grade_senior_technician_or_above" boolean NOT NULL,
	"employer_is_municipal_univ_hosp_research" boolean NOT NULL,
	"batch_id" uuid NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "activity_import_batches" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"kind" text NOT NULL,
	"file_name" text NOT NULL,
	"total_rows" integer NOT NULL,
	"imported_rows" integer NOT NULL,
	"updated_rows" integer DEFAULT 0 NOT NULL,
	"errors" jsonb DEFAULT '[]'::jsonb NOT NULL,
	"created_by" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "yingcai_listed_agencies" (
	"agency_id" uuid PRIMARY KEY NOT NULL,
	"listed_by" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
ALTER TABLE "a4_employer_services" ADD CONSTRAINT "a4_employer_services_agency_id_agencies_id_fk" FOREIGN KEY ("agency_id") REFERENCES "public"."agencies"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "a4_employer_services" ADD CONSTRAINT "a4_employer_services_batch_id_activity_import_batches_id_fk" FOREIGN KEY ("batch_id") REFERENCES "public"."activity_import_batches"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "a5_resume_downloads" ADD CONSTRAINT "a5_resume_downloads_agency_id_agencies_id_fk" FOREIGN KEY ("agency_id") REFERENCES "public"."agencies"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "a5_resume_downloads" ADD CONSTRAINT "a5_resume_downloads_batch_id_activity_import_batches_id_fk" FOREIGN KEY ("batch_id") REFERENCES "public"."activity_import_batches"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "activity_import_batches" ADD CONSTRAINT "activity_import_batches_created_by_users_id_fk" FOREIGN KEY ("created_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "yingcai_listed_agencies" ADD CONSTRAINT "yingcai_listed_agencies_agency_id_agencies_id_fk" FOREIGN KEY ("agency_id") REFERENCES "public"."agencies"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "yingcai_listed_agencies" ADD CONSTRAINT "yingcai_listed_agencies_listed_by_users_id_fk" FOREIGN KEY ("listed_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE UNIQUE INDEX "a4_employer_services_key" ON "a4_employer_services" USING btree ("agency_id","employer_uscc");--> statement-breakpoint
CREATE UNIQUE INDEX "a5_resume_downloads_ref_key" ON "a5_resume_downloads" USING btree ("download_ref");--> statement-breakpoint
CREATE INDEX "a5_resume_downloads_agency_idx" ON "a5_resume_downloads" USING btree ("agency_id");