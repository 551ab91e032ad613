CREATE TABLE "subsidy_run_chunks" (
	"run_id" uuid NOT NULL,
	"agency_id" uuid NOT NULL,
	"chunk" integer NOT NULL,
	"placements" integer NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "subsidy_run_chunks_run_id_agency_id_chunk_pk" PRIMARY KEY("run_id","agency_id","chunk")
);
--> statement-breakpoint
ALTER TABLE "subsidy_run_chunks" ADD CONSTRAINT "subsidy_run_chunks_run_id_subsidy_runs_id_fk" FOREIGN KEY ("run_id") REFERENCES "public"."subsidy_runs"("id") ON DELETE no action ON UPDATE no action;