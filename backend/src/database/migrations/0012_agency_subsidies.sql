CREATE TABLE "agency_placements" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"agency_id" uuid NOT NULL,
	"worker_id" uuid NOT NULL,
	"employer_id" uuid NOT NULL,
	"position_id" uuid,
	"referral_date" date NOT NULL,
	"referral_verified" boolean DEFAULT true NOT NULL,
	"channel" text NOT NULL,
	"fee_charged_fen" integer NOT NULL,
	"agreement_id" uuid,
	"contract_key" text NOT NULL,
	"contract_party_uscc" text NOT NULL,
	"sign_date" date NOT NULL,
	"start_date" date NOT NULL,
	"end_date" date,
	"open_ended" boolean DEFAULT false NOT NULL,
	"task_based" boolean DEFAULT false NOT NULL,
	"claim_date" date NOT NULL,
	"source" text NOT NULL,
	"import_batch_id" uuid,
	"status" text DEFAULT 'active' NOT NULL,
	"created_by" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "agency_subsidy_claims" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"agency_id" uuid NOT NULL,
	"period_id" uuid NOT NULL,
	"status" text NOT NULL,
	"claimed_fen" integer NOT NULL,
	"approved_fen" integer DEFAULT 0 NOT NULL,
	"submitted_by" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"reviewed_by" uuid,
	"reviewed_at" timestamp with time zone,
	"notice_from" date,
	"notice_until" date,
	"paid_by" uuid,
	"paid_at" timestamp with time zone,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "agency_subsidy_policy_versions" (
	"version" text PRIMARY KEY NOT NULL,
	"effective_from" timestamp with time zone NOT NULL,
	"values" jsonb NOT NULL,
	"note" text DEFAULT '' NOT NULL,
	"created_by" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "key_enterprise_registry" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"uscc" text NOT NULL,
	"name" text NOT NULL,
	"list_name" text NOT NULL,
	"from_date" date NOT NULL,
	"to_date" date,
	"created_by" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "placement_evidence" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"placement_id" uuid NOT NULL,
	"kind" text NOT NULL,
	"file_name" text NOT NULL,
	"content_type" text NOT NULL,
	"size_bytes" integer NOT NULL,
	"sha256" text NOT NULL,
	"content" "bytea" NOT NULL,
	"created_by" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "placement_import_batches" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"agency_id" uuid NOT NULL,
	"file_name" text NOT NULL,
	"total_rows" integer NOT NULL,
	"imported_rows" integer NOT NULL,
	"errors" jsonb DEFAULT '[]'::jsonb NOT NULL,
	"created_by" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "si_import_batches" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"file_name" text NOT NULL,
	"total_rows" integer NOT NULL,
	"imported_rows" integer NOT NULL,
	"errors" jsonb DEFAULT '[]'::jsonb NOT NULL,
	"created_by" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "social_insurance_months" (
	"id" bigserial PRIMARY KEY NOT NULL,
	"worker_id" uuid NOT NULL,
	"employer_uscc" text NOT NULL,
	"month" text NOT NULL,
	"status" text NOT NULL,
	"batch_id" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "subsidy_lines" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"period_id" uuid NOT NULL,
	"agency_id" uuid NOT NULL,
	"line_key" text NOT NULL,
	"kind" text NOT NULL,
	"placement_id" uuid,
	"worker_id" uuid,
	"contract_key" text,
	"scheme" text,
	"amount_fen" integer NOT NULL,
	"status" text NOT NULL,
	"reason_code" text,
	"reason_details" jsonb DEFAULT '[]'::jsonb NOT NULL,
	"detail" text,
	"basis" integer,
	"trail" jsonb NOT NULL,
	"input" jsonb NOT NULL,
	"input_hash" text NOT NULL,
	"policy_version" text NOT NULL,
	"run_id" uuid,
	"claim_id" uuid,
	"reviewed_by" uuid,
	"reviewed_at" timestamp with time zone,
	"review_reason" text,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "subsidy_periods" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"label" text NOT NULL,
	"from_date" date NOT NULL,
	"to_date" date NOT NULL,
	"activity_settlement_date" date,
	"created_by" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "subsidy_runs" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"period_id" uuid NOT NULL,
	"policy_version" text NOT NULL,
	"status" text DEFAULT 'running' NOT NULL,
	"agencies_total" integer DEFAULT 0 NOT NULL,
	"agencies_done" integer DEFAULT 0 NOT NULL,
	"placements_total" integer DEFAULT 0 NOT NULL,
	"placements_done" integer DEFAULT 0 NOT NULL,
	"error" text,
	"started_by" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"finished_at" timestamp with time zone
);
--> statement-breakpoint
CREATE TABLE "subsidy_workers" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"id_number_hash" text NOT NULL,
	"id_number_cipher" text NOT NULL,
	"id_number_masked" text NOT NULL,
	"real_name" text NOT NULL,
	"categories" jsonb DEFAULT '[]'::jsonb NOT NULL,
	"category_evidence" jsonb DEFAULT '[]'::jsonb NOT NULL,
	"school_leave_date" date,
	"unemployment_registration_date" date,
	"user_id" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
ALTER TABLE "agency_placements" ADD CONSTRAINT "agency_placements_agency_id_agencies_id_fk" FOREIGN KEY ("agency_id") REFERENCES "public"."agencies"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "agency_placements" ADD CONSTRAINT "agency_placements_worker_id_subsidy_workers_id_fk" FOREIGN KEY ("worker_id") REFERENCES "public"."subsidy_workers"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "agency_placements" ADD CONSTRAINT "agency_placements_employer_id_employers_id_fk" FOREIGN KEY ("employer_id") REFERENCES "public"."employers"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "agency_placements" ADD CONSTRAINT "agency_placements_position_id_positions_id_fk" FOREIGN KEY ("position_id") REFERENCES "public"."positions"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "agency_placements" ADD CONSTRAINT "agency_placements_agreement_id_agreements_id_fk" FOREIGN KEY ("agreement_id") REFERENCES "public"."agreements"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "agency_placements" ADD CONSTRAINT "agency_placements_import_batch_id_placement_import_batches_id_fk" FOREIGN KEY ("import_batch_id") REFERENCES "public"."placement_import_batches"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "agency_placements" ADD CONSTRAINT "agency_placements_created_by_users_id_fk" FOREIGN KEY ("created_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "agency_subsidy_claims" ADD CONSTRAINT "agency_subsidy_claims_agency_id_agencies_id_fk" FOREIGN KEY ("agency_id") REFERENCES "public"."agencies"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "agency_subsidy_claims" ADD CONSTRAINT "agency_subsidy_claims_period_id_subsidy_periods_id_fk" FOREIGN KEY ("period_id") REFERENCES "public"."subsidy_periods"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "agency_subsidy_claims" ADD CONSTRAINT "agency_subsidy_claims_submitted_by_users_id_fk" FOREIGN KEY ("submitted_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "agency_subsidy_claims" ADD CONSTRAINT "agency_subsidy_claims_reviewed_by_users_id_fk" FOREIGN KEY ("reviewed_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "agency_subsidy_claims" ADD CONSTRAINT "agency_subsidy_claims_paid_by_users_id_fk" FOREIGN KEY ("paid_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "agency_subsidy_policy_versions" ADD CONSTRAINT "agency_subsidy_policy_versions_created_by_users_id_fk" FOREIGN KEY ("created_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "key_enterprise_registry" ADD CONSTRAINT "key_enterprise_registry_created_by_users_id_fk" FOREIGN KEY ("created_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "placement_evidence" ADD CONSTRAINT "placement_evidence_placement_id_agency_placements_id_fk" FOREIGN KEY ("placement_id") REFERENCES "public"."agency_placements"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "placement_evidence" ADD CONSTRAINT "placement_evidence_created_by_users_id_fk" FOREIGN KEY ("created_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "placement_import_batches" ADD CONSTRAINT "placement_import_batches_agency_id_agencies_id_fk" FOREIGN KEY ("agency_id") REFERENCES "public"."agencies"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "placement_import_batches" ADD CONSTRAINT "placement_import_batches_created_by_users_id_fk" FOREIGN KEY ("created_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "si_import_batches" ADD CONSTRAINT "si_import_batches_created_by_users_id_fk" FOREIGN KEY ("created_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "social_insurance_months" ADD CONSTRAINT "social_insurance_months_worker_id_subsidy_workers_id_fk" FOREIGN KEY ("worker_id") REFERENCES "public"."subsidy_workers"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "social_insurance_months" ADD CONSTRAINT "social_insurance_months_batch_id_si_import_batches_id_fk" FOREIGN KEY ("batch_id") REFERENCES "public"."si_import_batches"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "subsidy_lines" ADD CONSTRAINT "subsidy_lines_period_id_subsidy_periods_id_fk" FOREIGN KEY ("period_id") REFERENCES "public"."subsidy_periods"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "subsidy_lines" ADD CONSTRAINT "subsidy_lines_agency_id_agencies_id_fk" FOREIGN KEY ("agency_id") REFERENCES "public"."agencies"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "subsidy_lines" ADD CONSTRAINT "subsidy_lines_placement_id_agency_placements_id_fk" FOREIGN KEY ("placement_id") REFERENCES "public"."agency_placements"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "subsidy_lines" ADD CONSTRAINT "subsidy_lines_worker_id_subsidy_workers_id_fk" FOREIGN KEY ("worker_id") REFERENCES "public"."subsidy_workers"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "subsidy_lines" ADD CONSTRAINT "subsidy_lines_run_id_subsidy_runs_id_fk" FOREIGN KEY ("run_id") REFERENCES "public"."subsidy_runs"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "subsidy_lines" ADD CONSTRAINT "subsidy_lines_claim_id_agency_subsidy_claims_id_fk" FOREIGN KEY ("claim_id") REFERENCES "public"."agency_subsidy_claims"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "subsidy_lines" ADD CONSTRAINT "subsidy_lines_reviewed_by_users_id_fk" FOREIGN KEY ("reviewed_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "subsidy_periods" ADD CONSTRAINT "subsidy_periods_created_by_users_id_fk" FOREIGN KEY ("created_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "subsidy_runs" ADD CONSTRAINT "subsidy_runs_period_id_subsidy_periods_id_fk" FOREIGN KEY ("period_id") REFERENCES "public"."subsidy_periods"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "subsidy_runs" ADD CONSTRAINT "subsidy_runs_started_by_users_id_fk" FOREIGN KEY ("started_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "subsidy_workers" ADD CONSTRAINT "subsidy_workers_user_id_users_id_fk" FOREIGN KEY ("user_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "agency_placements_agency_claim_idx" ON "agency_placements" USING btree ("agency_id","claim_date");--> statement-breakpoint
CREATE INDEX "agency_placements_worker_idx" ON "agency_placements" USING btree ("worker_id","contract_key");--> statement-breakpoint
CREATE UNIQUE INDEX "agency_subsidy_claims_live_key" ON "agency_subsidy_claims" USING btree ("agency_id","period_id") WHERE "agency_subsidy_claims"."status" <> 'rejected';--> statement-breakpoint
CREATE INDEX "agency_subsidy_claims_status_idx" ON "agency_subsidy_claims" USING btree ("status");--> statement-breakpoint
CREATE INDEX "agency_subsidy_policy_versions_effective_idx" ON "agency_subsidy_policy_versions" USING btree ("effective_from");--> statement-breakpoint
CREATE INDEX "key_enterprise_registry_uscc_idx" ON "key_enterprise_registry" USING btree ("uscc");--> statement-breakpoint
CREATE INDEX "placement_evidence_placement_idx" ON "placement_evidence" USING btree ("placement_id");--> statement-breakpoint
CREATE UNIQUE INDEX "social_insurance_months_key" ON "social_insurance_months" USING btree ("worker_id","employer_uscc","month");--> statement-breakpoint
CREATE UNIQUE INDEX "subsidy_lines_period_key" ON "subsidy_lines" USING btree ("period_id","line_key");--> statement-breakpoint
CREATE INDEX "subsidy_lines_agency_idx" ON "subsidy_lines" USING btree ("agency_id","period_id");--> statement-breakpoint
CREATE INDEX "subsidy_lines_worker_idx" ON "subsidy_lines" USING btree ("worker_id","contract_key");--> statement-breakpoint
CREATE INDEX "subsidy_lines_claim_idx" ON "subsidy_lines" USING btree ("claim_id");--> statement-breakpoint
CREATE UNIQUE INDEX "subsidy_periods_range_key" ON "subsidy_periods" USING btree ("from_date","to_date");--> statement-breakpoint
CREATE INDEX "subsidy_runs_period_idx" ON "subsidy_runs" USING btree ("period_id","created_at");--> statement-breakpoint
CREATE UNIQUE INDEX "subsidy_workers_id_hash_key" ON "subsidy_workers" USING btree ("id_number_hash");--> statement-breakpoint
CREATE INDEX "subsidy_workers_user_idx" ON "subsidy_workers" USING btree ("user_id");