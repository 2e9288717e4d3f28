CREATE TABLE "appraisal_feedback_requests" (
	"id" text PRIMARY KEY NOT NULL,
	"appraisal_id" text NOT NULL,
	"invitee_id" text NOT NULL,
	"invited_by" text NOT NULL,
	"status" text DEFAULT 'requested' NOT NULL,
	"does_well" text DEFAULT '' NOT NULL,
	"could_develop" text DEFAULT '' NOT NULL,
	"anything_else" text DEFAULT '' NOT NULL,
	"anonymous" boolean,
	"responded_at" bigint,
	"created_at" bigint NOT NULL,
	"updated_at" bigint NOT NULL
);
--> statement-breakpoint
ALTER TABLE "appraisal_feedback_requests" ADD CONSTRAINT "appraisal_feedback_requests_appraisal_id_appraisals_id_fk" FOREIGN KEY ("appraisal_id") REFERENCES "public"."appraisals"("id") ON DELETE restrict ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "appraisal_feedback_requests" ADD CONSTRAINT "appraisal_feedback_requests_invitee_id_users_id_fk" FOREIGN KEY ("invitee_id") REFERENCES "public"."users"("id") ON DELETE restrict ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "appraisal_feedback_requests" ADD CONSTRAINT "appraisal_feedback_requests_invited_by_users_id_fk" FOREIGN KEY ("invited_by") REFERENCES "public"."users"("id") ON DELETE restrict ON UPDATE no action;--> statement-breakpoint
CREATE UNIQUE INDEX "appraisal_feedback_requests_uq" ON "appraisal_feedback_requests" USING btree ("appraisal_id","invitee_id");--> statement-breakpoint
CREATE INDEX "appraisal_feedback_requests_invitee_idx" ON "appraisal_feedback_requests" USING btree ("invitee_id","status");