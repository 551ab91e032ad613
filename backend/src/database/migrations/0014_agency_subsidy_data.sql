ALTER TABLE "agency_placements" ADD COLUMN "position_title" text;--> statement-breakpoint
ALTER TABLE "subsidy_workers" ADD COLUMN "phone" text;--> statement-breakpoint
CREATE UNIQUE INDEX "agency_placements_live_key" ON "agency_placements" USING btree ("agency_id","worker_id","contract_key") WHERE "agency_placements"."status" = 'active';