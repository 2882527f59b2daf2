CREATE TABLE "follow_ups" (
	"id" text PRIMARY KEY NOT NULL,
	"board_id" text NOT NULL,
	"revision" integer NOT NULL,
	"action_id" text NOT NULL,
	"title" text NOT NULL,
	"owner" text DEFAULT '' NOT NULL,
	"due" date,
	"priority" text NOT NULL,
	"status" text DEFAULT 'open' NOT NULL,
	"ticket" text DEFAULT '' NOT NULL,
	"updated_by" text,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "follow_ups_status_check" CHECK ("follow_ups"."status" in ('open', 'in-progress', 'blocked', 'done'))
);
--> statement-breakpoint
ALTER TABLE "follow_ups" ADD CONSTRAINT "follow_ups_board_id_boards_id_fk" FOREIGN KEY ("board_id") REFERENCES "public"."boards"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "follow_ups" ADD CONSTRAINT "follow_ups_updated_by_users_id_fk" FOREIGN KEY ("updated_by") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
CREATE UNIQUE INDEX "follow_ups_board_id_action_id_index" ON "follow_ups" USING btree ("board_id","action_id");--> statement-breakpoint
CREATE INDEX "follow_ups_status_due_index" ON "follow_ups" USING btree ("status","due");