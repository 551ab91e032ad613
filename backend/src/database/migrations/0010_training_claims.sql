CREATE TABLE "training_enterprise_periods" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"employer_id" uuid NOT NULL,
	"kind" text NOT NULL,
	"starts_on" date NOT NULL,
	"ends_on" date NOT NULL,
	"evidence" text NOT NULL,
	"status" text DEFAULT 'declared' NOT NULL,
	"review_reason" text,
	"reviewed_by" uuid,
	"reviewed_at" timestamp with time zone,
	"created_by" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "training_claims" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"enrolment_id" uuid NOT NULL,
	"claimant" text NOT NULL,
	"claimant_user_id" uuid NOT NULL,
	"person_key" text NOT NULL,
	"status" text NOT NULL,
	"input" jsonb NOT NULL,
	"policy_version" text NOT NULL,
	"decision" jsonb NOT NULL,
	"total_yuan" integer DEFAULT 0 NOT NULL,
	"reviewed_by" uuid,
	"reviewed_at" timestamp with time zone,
	"review_reason" text,
	"notice_from" date,
	"notice_until" date,
	"paid_at" timestamp with time zone,
	"paid_by" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "training_subsidy_policy_versions" (
	"version" text PRIMARY KEY NOT NULL,
	"effective_from" timestamp with time zone NOT NULL,
	"values" jsonb NOT NULL,
	"note" text DEFAULT '' NOT NULL,
	"created_by" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
ALTER TABLE "training_enterprise_periods" ADD CONSTRAINT "training_enterprise_periods_employer_id_employers_id_fk" FOREIGN KEY ("employer_id") REFERENCES "public"."employers"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "training_enterprise_periods" ADD CONSTRAINT "training_enterprise_periods_reviewed_by_users_id_fk" FOREIGN KEY ("reviewed_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "training_enterprise_periods" ADD CONSTRAINT "training_enterprise_periods_created_by_users_id_fk" FOREIGN KEY ("created_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "training_claims" ADD CONSTRAINT "training_claims_enrolment_id_training_enrolments_id_fk" FOREIGN KEY ("enrolment_id") REFERENCES "public"."training_enrolments"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "training_claims" ADD CONSTRAINT "training_claims_claimant_user_id_users_id_fk" FOREIGN KEY ("claimant_user_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "training_claims" ADD CONSTRAINT "training_claims_reviewed_by_users_id_fk" FOREIGN KEY ("reviewed_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "training_claims" ADD CONSTRAINT "training_claims_paid_by_users_id_fk" FOREIGN KEY ("paid_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "training_subsidy_policy_versions" ADD CONSTRAINT "training_subsidy_policy_versions_created_by_users_id_fk" FOREIGN KEY ("created_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "training_enterprise_periods_employer_idx" ON "training_enterprise_periods" USING btree ("employer_id");--> statement-breakpoint
CREATE UNIQUE INDEX "training_claims_live_enrolment_key" ON "training_claims" USING btree ("enrolment_id") WHERE "training_claims"."status" not in ('rejected', 'rejected_by_rules');--> statement-breakpoint
CREATE INDEX "training_claims_person_idx" ON "training_claims" USING btree ("person_key");--> statement-breakpoint
CREATE INDEX "training_claims_status_idx" ON "training_claims" USING btree ("status");--> statement-breakpoint
CREATE INDEX "training_subsidy_policy_versions_effective_idx" ON "training_subsidy_policy_versions" USING btree ("effective_from");