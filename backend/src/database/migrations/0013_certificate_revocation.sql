ALTER TABLE "training_certificates" ADD COLUMN "revoked_by" uuid;--> statement-breakpoint
ALTER TABLE "training_certificates" ADD COLUMN "revoke_reason" text;--> statement-breakpoint
ALTER TABLE "training_certificates" ADD CONSTRAINT "training_certificates_revoked_by_users_id_fk" FOREIGN KEY ("revoked_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;