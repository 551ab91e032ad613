-- Hand-written: drizzle cannot express exclusion constraints. The no-double-booking rules of
-- recruitment.md §2.8.8 live here so they hold under concurrent requests and any api node.
CREATE EXTENSION IF NOT EXISTS btree_gist;
--> statement-breakpoint
ALTER TABLE "interview_slots" ADD CONSTRAINT "interview_slots_no_overlap"
  EXCLUDE USING gist ("interviewer_id" WITH =, tstzrange("starts_at", "ends_at", '[)') WITH &&);
--> statement-breakpoint
ALTER TABLE "interviews" ADD CONSTRAINT "interviews_seeker_no_overlap"
  EXCLUDE USING gist ("seeker_user_id" WITH =, tstzrange("starts_at", "ends_at", '[)') WITH &&)
  WHERE ("status" IN ('scheduled', 'in_progress'));
--> statement-breakpoint
ALTER TABLE "interviews" ADD CONSTRAINT "interviews_interviewer_no_overlap"
  EXCLUDE USING gist ("interviewer_id" WITH =, tstzrange("starts_at", "ends_at", '[)') WITH &&)
  WHERE ("status" IN ('scheduled', 'in_progress'));
