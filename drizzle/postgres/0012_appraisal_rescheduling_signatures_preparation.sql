CREATE TABLE "appraisal_preparations" (
	"id" text PRIMARY KEY NOT NULL,
	"appraisal_id" text NOT NULL,
	"went_well" text DEFAULT '' NOT NULL,
	"was_hard" text DEFAULT '' NOT NULL,
	"want_to_learn" text DEFAULT '' NOT NULL,
	"wellbeing" text DEFAULT '' NOT NULL,
	"career_aspiration" text DEFAULT '' NOT NULL,
	"submitted_at" bigint,
	"created_at" bigint NOT NULL,
	"updated_at" bigint NOT NULL
);
--> statement-breakpoint
CREATE TABLE "appraisal_reschedulings" (
	"id" text PRIMARY KEY NOT NULL,
	"appraisal_id" text NOT NULL,
	"from_date" text NOT NULL,
	"to_date" text NOT NULL,
	"reason" text NOT NULL,
	"rescheduled_by" text,
	"created_at" bigint NOT NULL,
	CONSTRAINT "appraisal_reschedulings_moves" CHECK ("appraisal_reschedulings"."to_date" <> "appraisal_reschedulings"."from_date")
);
--> statement-breakpoint
ALTER TABLE "appraisals" ADD COLUMN "appraiser_signed_at" bigint;--> statement-breakpoint
ALTER TABLE "appraisals" ADD COLUMN "appraiser_signed_by" text;--> statement-breakpoint
ALTER TABLE "appraisal_preparations" ADD CONSTRAINT "appraisal_preparations_appraisal_id_appraisals_id_fk" FOREIGN KEY ("appraisal_id") REFERENCES "public"."appraisals"("id") ON DELETE restrict ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "appraisal_reschedulings" ADD CONSTRAINT "appraisal_reschedulings_appraisal_id_appraisals_id_fk" FOREIGN KEY ("appraisal_id") REFERENCES "public"."appraisals"("id") ON DELETE restrict ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "appraisal_reschedulings" ADD CONSTRAINT "appraisal_reschedulings_rescheduled_by_users_id_fk" FOREIGN KEY ("rescheduled_by") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
CREATE UNIQUE INDEX "appraisal_preparations_appraisal_uq" ON "appraisal_preparations" USING btree ("appraisal_id");--> statement-breakpoint
CREATE INDEX "appraisal_reschedulings_idx" ON "appraisal_reschedulings" USING btree ("appraisal_id","created_at");--> statement-breakpoint
ALTER TABLE "appraisals" ADD CONSTRAINT "appraisals_appraiser_signed_by_users_id_fk" FOREIGN KEY ("appraiser_signed_by") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;