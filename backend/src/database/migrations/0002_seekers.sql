CREATE TABLE "application_events" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"application_id" uuid NOT NULL,
	"from_status" text,
	"to_status" text NOT NULL,
	"reason" text,
	"by" text NOT NULL,
	"actor_id" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "applications" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"seeker_user_id" uuid NOT NULL,
	"position_id" uuid NOT NULL,
	"employer_id" uuid NOT NULL,
	"fair_id" uuid NOT NULL,
	"status" text NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "fair_seekers" (
	"fair_id" uuid NOT NULL,
	"user_id" uuid NOT NULL,
	"eligible_as" text NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "fair_seekers_fair_id_user_id_pk" PRIMARY KEY("fair_id","user_id")
);
--> statement-breakpoint
CREATE TABLE "resume_downloads" (
	"employer_id" uuid NOT NULL,
	"resume_user_id" uuid NOT NULL,
	"agency_ids" uuid[] DEFAULT '{}' NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"last_at" timestamp with time zone DEFAULT now() NOT NULL,
	"times" integer DEFAULT 1 NOT NULL,
	CONSTRAINT "resume_downloads_employer_id_resume_user_id_pk" PRIMARY KEY("employer_id","resume_user_id")
);
--> statement-breakpoint
CREATE TABLE "resumes" (
	"user_id" uuid PRIMARY KEY NOT NULL,
	"content" jsonb NOT NULL,
	"visibility" text NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "seeker_profiles" (
	"user_id" uuid PRIMARY KEY NOT NULL,
	"real_name" text,
	"id_number_cipher" text,
	"id_number_hash" text,
	"id_number_masked" text,
	"verified_at" timestamp with time zone,
	"university" text,
	"major" text,
	"degree" text,
	"cohort" integer,
	"left_school_on" date,
	"flags" jsonb DEFAULT '[]'::jsonb NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
ALTER TABLE "application_events" ADD CONSTRAINT "application_events_application_id_applications_id_fk" FOREIGN KEY ("application_id") REFERENCES "public"."applications"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "applications" ADD CONSTRAINT "applications_seeker_user_id_users_id_fk" FOREIGN KEY ("seeker_user_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "applications" ADD CONSTRAINT "applications_position_id_positions_id_fk" FOREIGN KEY ("position_id") REFERENCES "public"."positions"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "applications" ADD CONSTRAINT "applications_employer_id_employers_id_fk" FOREIGN KEY ("employer_id") REFERENCES "public"."employers"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "applications" ADD CONSTRAINT "applications_fair_id_fairs_id_fk" FOREIGN KEY ("fair_id") REFERENCES "public"."fairs"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "fair_seekers" ADD CONSTRAINT "fair_seekers_fair_id_fairs_id_fk" FOREIGN KEY ("fair_id") REFERENCES "public"."fairs"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "fair_seekers" ADD CONSTRAINT "fair_seekers_user_id_users_id_fk" FOREIGN KEY ("user_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "resume_downloads" ADD CONSTRAINT "resume_downloads_employer_id_employers_id_fk" FOREIGN KEY ("employer_id") REFERENCES "public"."employers"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "resume_downloads" ADD CONSTRAINT "resume_downloads_resume_user_id_users_id_fk" FOREIGN KEY ("resume_user_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "resumes" ADD CONSTRAINT "resumes_user_id_users_id_fk" FOREIGN KEY ("user_id") REFERENCES "public"."users"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "seeker_profiles" ADD CONSTRAINT "seeker_profiles_user_id_users_id_fk" FOREIGN KEY ("user_id") REFERENCES "public"."users"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "application_events_application_idx" ON "application_events" USING btree ("application_id","created_at");--> statement-breakpoint
CREATE UNIQUE INDEX "applications_active_key" ON "applications" USING btree ("seeker_user_id","position_id") WHERE "applications"."status" not in ('withdrawn', 'rejected');--> statement-breakpoint
CREATE INDEX "applications_position_idx" ON "applications" USING btree ("position_id","created_at");--> statement-breakpoint
CREATE INDEX "applications_employer_idx" ON "applications" USING btree ("employer_id","created_at");--> statement-breakpoint
CREATE INDEX "applications_fair_created_idx" ON "applications" USING btree ("fair_id","created_at");--> statement-breakpoint
CREATE INDEX "resumes_visibility_idx" ON "resumes" USING btree ("visibility");--> statement-breakpoint
CREATE UNIQUE INDEX "seeker_profiles_id_hash_key" ON "seeker_profiles" USING btree ("id_number_hash") WHERE "seeker_profiles"."id_number_hash" is not null;--> statement-breakpoint
CREATE INDEX "seeker_profiles_university_idx" ON "seeker_profiles" USING btree ("university");