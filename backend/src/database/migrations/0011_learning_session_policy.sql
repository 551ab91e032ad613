DROP INDEX "learning_sessions_open_idx";--> statement-breakpoint
ALTER TABLE "learning_sessions" ADD COLUMN "policy_version" text;--> statement-breakpoint
ALTER TABLE "learning_sessions" ADD COLUMN "next_check_at" timestamp with time zone;--> statement-breakpoint
CREATE UNIQUE INDEX "learning_checks_one_pending_key" ON "learning_checks" USING btree ("session_id") WHERE "learning_checks"."result" = 'pending';--> statement-breakpoint
CREATE INDEX "learning_sessions_open_idx" ON "learning_sessions" USING btree ("policy_version") WHERE "learning_sessions"."status" = 'open';--> statement-breakpoint
-- Room on each page for the new version of a row, so a heartbeat's UPDATE can stay HOT.
ALTER TABLE "learning_sessions" SET (fillfactor = 70);
--> statement-breakpoint
-- Idle stretches are kept as ISO instants in UTC, the form the completion engine parses.
CREATE OR REPLACE FUNCTION learning_iso(t timestamptz) RETURNS text
LANGUAGE sql STABLE AS $$ SELECT to_char(t AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"') $$;
--> statement-breakpoint
-- Appends [idle_from, idle_to) to a session's idle stretches in one UPDATE, merged into the last
-- stretch when they touch, so one heartbeat stays one round trip.
CREATE OR REPLACE FUNCTION learning_idle_append(idle jsonb, idle_from timestamptz, idle_to timestamptz)
RETURNS jsonb LANGUAGE sql STABLE AS $$
  SELECT CASE
    WHEN idle_from IS NULL OR idle_from >= idle_to THEN idle
    WHEN jsonb_array_length(idle) > 0 AND (idle->-1->>'to')::timestamptz >= idle_from THEN
      jsonb_set(idle, '{-1}', jsonb_build_object(
        'from', learning_iso(least((idle->-1->>'from')::timestamptz, idle_from)),
        'to', learning_iso(greatest((idle->-1->>'to')::timestamptz, idle_to))))
    ELSE idle || jsonb_build_array(jsonb_build_object('from', learning_iso(idle_from), 'to', learning_iso(idle_to)))
  END
$$;
