-- A line's stored input slice and trail (a few kB of JSON each, a million lines a period) are
-- compressed with lz4 instead of pglz: the same values, less CPU for every line written.
ALTER TABLE "subsidy_lines" ALTER COLUMN "input" SET COMPRESSION lz4;--> statement-breakpoint
ALTER TABLE "subsidy_lines" ALTER COLUMN "trail" SET COMPRESSION lz4;
