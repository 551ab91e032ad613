CREATE TABLE "agencies" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"owner_user_id" uuid NOT NULL,
	"name" text NOT NULL,
	"uscc" text NOT NULL,
	"site_url" text NOT NULL,
	"blacklisted_at" timestamp with time zone,
	"blacklist_reason" text,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "agency_applications" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"fair_id" uuid NOT NULL,
	"agency_id" uuid NOT NULL,
	"facts" jsonb NOT NULL,
	"failed_conditions" jsonb NOT NULL,
	"status" text DEFAULT 'submitted' NOT NULL,
	"submitted_on" date NOT NULL,
	"decided_by" uuid,
	"decided_at" timestamp with time zone,
	"decision_reason" text,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "agency_attachments" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"agency_id" uuid NOT NULL,
	"kind" text NOT NULL,
	"file_name" text NOT NULL,
	"content_type" text NOT NULL,
	"size_bytes" integer NOT NULL,
	"sha256" text NOT NULL,
	"content" "bytea" NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "announcements" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"fair_id" uuid NOT NULL,
	"kind" text NOT NULL,
	"title" text NOT NULL,
	"body" text NOT NULL,
	"effective_on" date NOT NULL,
	"published_at" timestamp with time zone DEFAULT now() NOT NULL,
	"published_by" uuid NOT NULL,
	"change" jsonb DEFAULT '{}'::jsonb NOT NULL,
	"notified_count" integer DEFAULT 0 NOT NULL
);
--> statement-breakpoint
CREATE TABLE "complaints" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"reporter_user_id" uuid NOT NULL,
	"reporter_kind" text NOT NULL,
	"reporter_organization" text,
	"target_type" text NOT NULL,
	"target_id" uuid NOT NULL,
	"fair_id" uuid,
	"category" text NOT NULL,
	"description" text NOT NULL,
	"status" text DEFAULT 'open' NOT NULL,
	"resolution" text,
	"handled_by" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "employers" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"owner_user_id" uuid NOT NULL,
	"name" text NOT NULL,
	"uscc" text NOT NULL,
	"unit_type" text NOT NULL,
	"size" text NOT NULL,
	"industry" text NOT NULL,
	"province" text DEFAULT '重庆市' NOT NULL,
	"district" text NOT NULL,
	"intro" text NOT NULL,
	"contact_name" text NOT NULL,
	"contact_phone" text NOT NULL,
	"contact_email" text,
	"status" text DEFAULT 'pending' NOT NULL,
	"review_reason" text,
	"reviewed_by" uuid,
	"reviewed_at" timestamp with time zone,
	"is_key_enterprise" boolean DEFAULT false NOT NULL,
	"resumption_filed" boolean DEFAULT false NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "fair_employer_agencies" (
	"fair_id" uuid NOT NULL,
	"employer_id" uuid NOT NULL,
	"agency_id" uuid NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "fair_employer_agencies_fair_id_employer_id_agency_id_pk" PRIMARY KEY("fair_id","employer_id","agency_id")
);
--> statement-breakpoint
CREATE TABLE "fair_employers" (
	"fair_id" uuid NOT NULL,
	"employer_id" uuid NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"disqualified_at" timestamp with time zone,
	"disqualification_reason" text,
	"referred_to_authority" boolean DEFAULT false NOT NULL,
	CONSTRAINT "fair_employers_fair_id_employer_id_pk" PRIMARY KEY("fair_id","employer_id")
);
--> statement-breakpoint
CREATE TABLE "fair_sessions" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"fair_id" uuid NOT NULL,
	"name" text NOT NULL,
	"target_group" text NOT NULL,
	"description" text DEFAULT '' NOT NULL,
	"starts_on" date NOT NULL,
	"ends_on" date NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "fairs" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"theme" text NOT NULL,
	"year" integer NOT NULL,
	"hosts" text[] DEFAULT '{}' NOT NULL,
	"organizers" text[] DEFAULT '{}' NOT NULL,
	"target_groups" text[] DEFAULT '{}' NOT NULL,
	"description" text DEFAULT '' NOT NULL,
	"launch_on" date NOT NULL,
	"concentrated_end_on" date NOT NULL,
	"normalized_months_after_epidemic_end" integer DEFAULT 3 NOT NULL,
	"agency_deadline_on" date NOT NULL,
	"agency_deadline_inclusive" boolean DEFAULT false NOT NULL,
	"large_scale" boolean DEFAULT true NOT NULL,
	"scheduled_change" jsonb,
	"suspended_at" timestamp with time zone,
	"suspension_reason" text,
	"cancelled_at" timestamp with time zone,
	"cancellation_reason" text,
	"created_by" uuid NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "notifications" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"user_id" uuid NOT NULL,
	"kind" text NOT NULL,
	"title" text NOT NULL,
	"body" text DEFAULT '' NOT NULL,
	"link" text,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"read_at" timestamp with time zone
);
--> statement-breakpoint
CREATE TABLE "platform_settings" (
	"key" text PRIMARY KEY NOT NULL,
	"value" jsonb NOT NULL,
	"updated_by" uuid,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "positions" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"employer_id" uuid NOT NULL,
	"fair_id" uuid NOT NULL,
	"session_ids" uuid[] DEFAULT '{}' NOT NULL,
	"title" text NOT NULL,
	"category" text NOT NULL,
	"headcount" integer NOT NULL,
	"duties" text NOT NULL,
	"requirements" text NOT NULL,
	"environment" text NOT NULL,
	"benefits" text NOT NULL,
	"salary_min" integer NOT NULL,
	"salary_max" integer NOT NULL,
	"education" text NOT NULL,
	"experience_years" integer DEFAULT 0 NOT NULL,
	"district" text NOT NULL,
	"graduate_suitable" boolean DEFAULT true NOT NULL,
	"special_recruitment" boolean DEFAULT false NOT NULL,
	"status" text DEFAULT 'draft' NOT NULL,
	"expires_on" date,
	"rule_check" jsonb,
	"submitted_at" timestamp with time zone,
	"published_at" timestamp with time zone,
	"review_reason" text,
	"reviewed_by" uuid,
	"reviewed_at" timestamp with time zone,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "sanctions" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"kind" text NOT NULL,
	"subject_id" uuid NOT NULL,
	"fair_id" uuid,
	"complaint_id" uuid,
	"reason" text NOT NULL,
	"referred_to_authority" boolean DEFAULT false NOT NULL,
	"effects" jsonb DEFAULT '{}'::jsonb NOT NULL,
	"created_by" uuid NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
ALTER TABLE "agency_applications" ADD CONSTRAINT "agency_applications_fair_id_fairs_id_fk" FOREIGN KEY ("fair_id") REFERENCES "public"."fairs"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "agency_applications" ADD CONSTRAINT "agency_applications_agency_id_agencies_id_fk" FOREIGN KEY ("agency_id") REFERENCES "public"."agencies"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "agency_attachments" ADD CONSTRAINT "agency_attachments_agency_id_agencies_id_fk" FOREIGN KEY ("agency_id") REFERENCES "public"."agencies"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "announcements" ADD CONSTRAINT "announcements_fair_id_fairs_id_fk" FOREIGN KEY ("fair_id") REFERENCES "public"."fairs"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "complaints" ADD CONSTRAINT "complaints_fair_id_fairs_id_fk" FOREIGN KEY ("fair_id") REFERENCES "public"."fairs"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "fair_employer_agencies" ADD CONSTRAINT "fair_employer_agencies_agency_id_agencies_id_fk" FOREIGN KEY ("agency_id") REFERENCES "public"."agencies"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "fair_employers" ADD CONSTRAINT "fair_employers_fair_id_fairs_id_fk" FOREIGN KEY ("fair_id") REFERENCES "public"."fairs"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "fair_employers" ADD CONSTRAINT "fair_employers_employer_id_employers_id_fk" FOREIGN KEY ("employer_id") REFERENCES "public"."employers"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "fair_sessions" ADD CONSTRAINT "fair_sessions_fair_id_fairs_id_fk" FOREIGN KEY ("fair_id") REFERENCES "public"."fairs"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "positions" ADD CONSTRAINT "positions_employer_id_employers_id_fk" FOREIGN KEY ("employer_id") REFERENCES "public"."employers"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "positions" ADD CONSTRAINT "positions_fair_id_fairs_id_fk" FOREIGN KEY ("fair_id") REFERENCES "public"."fairs"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "sanctions" ADD CONSTRAINT "sanctions_complaint_id_complaints_id_fk" FOREIGN KEY ("complaint_id") REFERENCES "public"."complaints"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE UNIQUE INDEX "agencies_owner_key" ON "agencies" USING btree ("owner_user_id");--> statement-breakpoint
CREATE UNIQUE INDEX "agencies_uscc_key" ON "agencies" USING btree ("uscc");--> statement-breakpoint
CREATE UNIQUE INDEX "agency_applications_fair_agency_key" ON "agency_applications" USING btree ("fair_id","agency_id");--> statement-breakpoint
CREATE INDEX "agency_attachments_agency_idx" ON "agency_attachments" USING btree ("agency_id");--> statement-breakpoint
CREATE INDEX "announcements_fair_idx" ON "announcements" USING btree ("fair_id","published_at");--> statement-breakpoint
CREATE INDEX "complaints_status_idx" ON "complaints" USING btree ("status","created_at");--> statement-breakpoint
CREATE INDEX "complaints_target_idx" ON "complaints" USING btree ("target_id");--> statement-breakpoint
CREATE UNIQUE INDEX "employers_owner_key" ON "employers" USING btree ("owner_user_id");--> statement-breakpoint
CREATE UNIQUE INDEX "employers_uscc_key" ON "employers" USING btree ("uscc");--> statement-breakpoint
CREATE INDEX "employers_status_idx" ON "employers" USING btree ("status");--> statement-breakpoint
CREATE INDEX "fair_sessions_fair_idx" ON "fair_sessions" USING btree ("fair_id");--> statement-breakpoint
CREATE INDEX "notifications_user_idx" ON "notifications" USING btree ("user_id","created_at");--> statement-breakpoint
CREATE INDEX "positions_fair_status_idx" ON "positions" USING btree ("fair_id","status");--> statement-breakpoint
CREATE INDEX "positions_employer_idx" ON "positions" USING btree ("employer_id");--> statement-breakpoint
CREATE INDEX "positions_status_submitted_idx" ON "positions" USING btree ("status","submitted_at");--> statement-breakpoint
CREATE INDEX "sanctions_subject_idx" ON "sanctions" USING btree ("subject_id");