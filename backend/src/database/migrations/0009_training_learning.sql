CREATE TABLE "training_completion_decisions" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"enrolment_id" uuid NOT NULL,
	"input_hash" text NOT NULL,
	"policy_version" text NOT NULL,
	"status" text NOT NULL,
	"reasons" jsonb DEFAULT '[]'::jsonb NOT NULL,
	"input" jsonb NOT NULL,
	"outcome" jsonb NOT NULL,
	"trigger" text NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "learning_checks" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"session_id" uuid NOT NULL,
	"kind" text NOT NULL,
	"issued_at" timestamp with time zone NOT NULL,
	"due_by" timestamp with time zone NOT NULL,
	"challenge" text NOT NULL,
	"answer_hash" text NOT NULL,
	"answered_at" timestamp with time zone,
	"result" text DEFAULT 'pending' NOT NULL
);
--> statement-breakpoint
CREATE TABLE "learning_heartbeats" (
	"session_id" uuid NOT NULL,
	"seq" integer NOT NULL,
	"received_at" timestamp with time zone NOT NULL,
	"client_sent_at" timestamp with time zone,
	"visible" boolean NOT NULL,
	"last_interaction_at" timestamp with time zone,
	"position_seconds" integer,
	"verdict" text NOT NULL,
	CONSTRAINT "learning_heartbeats_session_id_seq_verdict_pk" PRIMARY KEY("session_id","seq","verdict")
);
--> statement-breakpoint
CREATE TABLE "learning_media" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"session_id" uuid NOT NULL,
	"check_id" uuid,
	"content_type" text NOT NULL,
	"sha256" text NOT NULL,
	"bytes" "bytea" NOT NULL,
	"captured_at" timestamp with time zone NOT NULL
);
--> statement-breakpoint
CREATE TABLE "learning_sessions" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"enrolment_id" uuid NOT NULL,
	"class_id" uuid NOT NULL,
	"user_id" uuid NOT NULL,
	"module" text NOT NULL,
	"device_id" text NOT NULL,
	"started_at" timestamp with time zone NOT NULL,
	"last_heartbeat_at" timestamp with time zone NOT NULL,
	"last_seq" integer DEFAULT 0 NOT NULL,
	"ended_at" timestamp with time zone,
	"status" text DEFAULT 'open' NOT NULL,
	"end_reason" text,
	"face_verified_at_start" boolean DEFAULT false NOT NULL,
	"has_retained_media" boolean DEFAULT false NOT NULL,
	"idle" jsonb DEFAULT '[]'::jsonb NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "training_offline_attendance" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"enrolment_id" uuid NOT NULL,
	"module" text NOT NULL,
	"xueshi" integer NOT NULL,
	"verified_by" uuid,
	"verified_at" timestamp with time zone,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "training_assessments" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"enrolment_id" uuid NOT NULL,
	"kind" text NOT NULL,
	"score" integer,
	"recorded_by" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "training_certificates" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"enrolment_id" uuid NOT NULL,
	"decision_id" uuid NOT NULL,
	"verification_code" text NOT NULL,
	"content" jsonb NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"revoked_at" timestamp with time zone
);
--> statement-breakpoint
CREATE TABLE "training_classes" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"course_id" uuid NOT NULL,
	"institution_id" uuid NOT NULL,
	"platform_id" uuid,
	"name" text NOT NULL,
	"jurisdiction" text DEFAULT 'CQ' NOT NULL,
	"district" text NOT NULL,
	"starts_on" date NOT NULL,
	"ends_on" date NOT NULL,
	"capacity" integer,
	"plan" jsonb DEFAULT '{}'::jsonb NOT NULL,
	"plan_status" text DEFAULT 'draft' NOT NULL,
	"plan_submitted_at" timestamp with time zone,
	"plan_decided_at" timestamp with time zone,
	"plan_decided_by" uuid,
	"plan_decision_reason" text,
	"created_by" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "training_enrolments" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"class_id" uuid NOT NULL,
	"user_id" uuid NOT NULL,
	"sponsor_kind" text DEFAULT 'individual' NOT NULL,
	"sponsor_employer_id" uuid,
	"work_relation" text,
	"status" text DEFAULT 'enrolled' NOT NULL,
	"signed_in_at" timestamp with time zone,
	"image_consent_at" timestamp with time zone,
	"completion_status" text,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "training_institution_members" (
	"institution_id" uuid NOT NULL,
	"user_id" uuid NOT NULL,
	"granted_by" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "training_institution_members_institution_id_user_id_pk" PRIMARY KEY("institution_id","user_id")
);
--> statement-breakpoint
CREATE TABLE "training_policy_versions" (
	"version" text PRIMARY KEY NOT NULL,
	"effective_from" timestamp with time zone NOT NULL,
	"values" jsonb NOT NULL,
	"note" text DEFAULT '' NOT NULL,
	"created_by" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
ALTER TABLE "training_completion_decisions" ADD CONSTRAINT "training_completion_decisions_enrolment_id_training_enrolments_id_fk" FOREIGN KEY ("enrolment_id") REFERENCES "public"."training_enrolments"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "learning_checks" ADD CONSTRAINT "learning_checks_session_id_learning_sessions_id_fk" FOREIGN KEY ("session_id") REFERENCES "public"."learning_sessions"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "learning_heartbeats" ADD CONSTRAINT "learning_heartbeats_session_id_learning_sessions_id_fk" FOREIGN KEY ("session_id") REFERENCES "public"."learning_sessions"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "learning_media" ADD CONSTRAINT "learning_media_session_id_learning_sessions_id_fk" FOREIGN KEY ("session_id") REFERENCES "public"."learning_sessions"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "learning_media" ADD CONSTRAINT "learning_media_check_id_learning_checks_id_fk" FOREIGN KEY ("check_id") REFERENCES "public"."learning_checks"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "learning_sessions" ADD CONSTRAINT "learning_sessions_enrolment_id_training_enrolments_id_fk" FOREIGN KEY ("enrolment_id") REFERENCES "public"."training_enrolments"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "learning_sessions" ADD CONSTRAINT "learning_sessions_class_id_training_classes_id_fk" FOREIGN KEY ("class_id") REFERENCES "public"."training_classes"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "learning_sessions" ADD CONSTRAINT "learning_sessions_user_id_users_id_fk" FOREIGN KEY ("user_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "training_offline_attendance" ADD CONSTRAINT "training_offline_attendance_enrolment_id_training_enrolments_id_fk" FOREIGN KEY ("enrolment_id") REFERENCES "public"."training_enrolments"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "training_offline_attendance" ADD CONSTRAINT "training_offline_attendance_verified_by_users_id_fk" FOREIGN KEY ("verified_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "training_assessments" ADD CONSTRAINT "training_assessments_enrolment_id_training_enrolments_id_fk" FOREIGN KEY ("enrolment_id") REFERENCES "public"."training_enrolments"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "training_assessments" ADD CONSTRAINT "training_assessments_recorded_by_users_id_fk" FOREIGN KEY ("recorded_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "training_certificates" ADD CONSTRAINT "training_certificates_enrolment_id_training_enrolments_id_fk" FOREIGN KEY ("enrolment_id") REFERENCES "public"."training_enrolments"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "training_certificates" ADD CONSTRAINT "training_certificates_decision_id_training_completion_decisions_id_fk" FOREIGN KEY ("decision_id") REFERENCES "public"."training_completion_decisions"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "training_classes" ADD CONSTRAINT "training_classes_course_id_training_courses_id_fk" FOREIGN KEY ("course_id") REFERENCES "public"."training_courses"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "training_classes" ADD CONSTRAINT "training_classes_institution_id_training_institutions_id_fk" FOREIGN KEY ("institution_id") REFERENCES "public"."training_institutions"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "training_classes" ADD CONSTRAINT "training_classes_platform_id_training_platforms_id_fk" FOREIGN KEY ("platform_id") REFERENCES "public"."training_platforms"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "training_classes" ADD CONSTRAINT "training_classes_plan_decided_by_users_id_fk" FOREIGN KEY ("plan_decided_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "training_classes" ADD CONSTRAINT "training_classes_created_by_users_id_fk" FOREIGN KEY ("created_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "training_enrolments" ADD CONSTRAINT "training_enrolments_class_id_training_classes_id_fk" FOREIGN KEY ("class_id") REFERENCES "public"."training_classes"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "training_enrolments" ADD CONSTRAINT "training_enrolments_user_id_users_id_fk" FOREIGN KEY ("user_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "training_enrolments" ADD CONSTRAINT "training_enrolments_sponsor_employer_id_employers_id_fk" FOREIGN KEY ("sponsor_employer_id") REFERENCES "public"."employers"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "training_institution_members" ADD CONSTRAINT "training_institution_members_institution_id_training_institutions_id_fk" FOREIGN KEY ("institution_id") REFERENCES "public"."training_institutions"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "training_institution_members" ADD CONSTRAINT "training_institution_members_user_id_users_id_fk" FOREIGN KEY ("user_id") REFERENCES "public"."users"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "training_institution_members" ADD CONSTRAINT "training_institution_members_granted_by_users_id_fk" FOREIGN KEY ("granted_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "training_policy_versions" ADD CONSTRAINT "training_policy_versions_created_by_users_id_fk" FOREIGN KEY ("created_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE UNIQUE INDEX "training_completion_decisions_input_key" ON "training_completion_decisions" USING btree ("enrolment_id","input_hash");--> statement-breakpoint
CREATE INDEX "training_completion_decisions_enrolment_idx" ON "training_completion_decisions" USING btree ("enrolment_id","created_at");--> statement-breakpoint
CREATE INDEX "learning_checks_session_idx" ON "learning_checks" USING btree ("session_id","issued_at");--> statement-breakpoint
CREATE INDEX "learning_media_session_idx" ON "learning_media" USING btree ("session_id");--> statement-breakpoint
CREATE INDEX "learning_sessions_user_idx" ON "learning_sessions" USING btree ("user_id","started_at");--> statement-breakpoint
CREATE INDEX "learning_sessions_enrolment_idx" ON "learning_sessions" USING btree ("enrolment_id");--> statement-breakpoint
CREATE INDEX "learning_sessions_open_idx" ON "learning_sessions" USING btree ("last_heartbeat_at") WHERE "learning_sessions"."status" = 'open';--> statement-breakpoint
CREATE INDEX "training_offline_attendance_enrolment_idx" ON "training_offline_attendance" USING btree ("enrolment_id");--> statement-breakpoint
CREATE INDEX "training_assessments_enrolment_idx" ON "training_assessments" USING btree ("enrolment_id");--> statement-breakpoint
CREATE UNIQUE INDEX "training_certificates_enrolment_key" ON "training_certificates" USING btree ("enrolment_id");--> statement-breakpoint
CREATE UNIQUE INDEX "training_certificates_code_key" ON "training_certificates" USING btree ("verification_code");--> statement-breakpoint
CREATE INDEX "training_classes_course_idx" ON "training_classes" USING btree ("course_id");--> statement-breakpoint
CREATE INDEX "training_classes_institution_idx" ON "training_classes" USING btree ("institution_id");--> statement-breakpoint
CREATE INDEX "training_classes_open_idx" ON "training_classes" USING btree ("ends_on");--> statement-breakpoint
CREATE UNIQUE INDEX "training_enrolments_class_user_key" ON "training_enrolments" USING btree ("class_id","user_id");--> statement-breakpoint
CREATE INDEX "training_enrolments_user_idx" ON "training_enrolments" USING btree ("user_id");--> statement-breakpoint
CREATE INDEX "training_institution_members_user_idx" ON "training_institution_members" USING btree ("user_id");--> statement-breakpoint
CREATE INDEX "training_policy_versions_effective_idx" ON "training_policy_versions" USING btree ("effective_from");