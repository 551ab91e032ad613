CREATE TABLE "position_pushes" (
	"position_id" uuid NOT NULL,
	"user_id" uuid NOT NULL,
	"score" integer NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "position_pushes_position_id_user_id_pk" PRIMARY KEY("position_id","user_id")
);
--> statement-breakpoint
ALTER TABLE "position_pushes" ADD CONSTRAINT "position_pushes_position_id_positions_id_fk" FOREIGN KEY ("position_id") REFERENCES "public"."positions"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "position_pushes" ADD CONSTRAINT "position_pushes_user_id_users_id_fk" FOREIGN KEY ("user_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;