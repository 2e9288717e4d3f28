CREATE TABLE "training_completions" (
	"id" text PRIMARY KEY NOT NULL,
	"worker_id" text NOT NULL,
	"subject_id" text NOT NULL,
	"completed_on" text NOT NULL,
	"expires_on" text,
	"source" text NOT NULL,
	"note" text DEFAULT '' NOT NULL,
	"recorded_by" text,
	"removed_at" bigint,
	"removed_by" text,
	"removed_reason" text,
	"created_at" bigint NOT NULL,
	CONSTRAINT "training_completions_expiry" CHECK ("training_completions"."expires_on" is null or "training_completions"."expires_on" >= "training_completions"."completed_on")
);
--> statement-breakpoint
CREATE TABLE "training_reminders" (
	"id" text PRIMARY KEY NOT NULL,
	"worker_id" text NOT NULL,
	"sent_by" text,
	"sent_at" bigint NOT NULL,
	"subjects" jsonb NOT NULL,
	"delivery" text NOT NULL
);
--> statement-breakpoint
CREATE TABLE "training_subject_audiences" (
	"id" text PRIMARY KEY NOT NULL,
	"subject_id" text NOT NULL,
	"kind" text NOT NULL,
	"ref_id" text,
	CONSTRAINT "training_subject_audiences_ref" CHECK (("training_subject_audiences"."kind" = 'everyone') = ("training_subject_audiences"."ref_id" is null))
);
--> statement-breakpoint
CREATE TABLE "training_subjects" (
	"id" text PRIMARY KEY NOT NULL,
	"code" text NOT NULL,
	"name" text NOT NULL,
	"description" text DEFAULT '' NOT NULL,
	"renewal_months" integer,
	"framework" boolean DEFAULT false NOT NULL,
	"sort" integer DEFAULT 0 NOT NULL,
	"retired_at" bigint,
	"created_at" bigint NOT NULL,
	"updated_at" bigint NOT NULL,
	CONSTRAINT "training_subjects_renewal_range" CHECK ("training_subjects"."renewal_months" is null or ("training_subjects"."renewal_months" >= 1 and "training_subjects"."renewal_months" <= 120))
);
--> statement-breakpoint
ALTER TABLE "training_completions" ADD CONSTRAINT "training_completions_worker_id_workers_id_fk" FOREIGN KEY ("worker_id") REFERENCES "public"."workers"("id") ON DELETE restrict ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "training_completions" ADD CONSTRAINT "training_completions_subject_id_training_subjects_id_fk" FOREIGN KEY ("subject_id") REFERENCES "public"."training_subjects"("id") ON DELETE restrict ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "training_completions" ADD CONSTRAINT "training_completions_recorded_by_users_id_fk" FOREIGN KEY ("recorded_by") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "training_completions" ADD CONSTRAINT "training_completions_removed_by_users_id_fk" FOREIGN KEY ("removed_by") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "training_reminders" ADD CONSTRAINT "training_reminders_worker_id_workers_id_fk" FOREIGN KEY ("worker_id") REFERENCES "public"."workers"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "training_reminders" ADD CONSTRAINT "training_reminders_sent_by_users_id_fk" FOREIGN KEY ("sent_by") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "training_subject_audiences" ADD CONSTRAINT "training_subject_audiences_subject_id_training_subjects_id_fk" FOREIGN KEY ("subject_id") REFERENCES "public"."training_subjects"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "training_completions_worker_idx" ON "training_completions" USING btree ("worker_id","subject_id","completed_on");--> statement-breakpoint
CREATE INDEX "training_completions_subject_idx" ON "training_completions" USING btree ("subject_id","expires_on");--> statement-breakpoint
CREATE INDEX "training_reminders_worker_idx" ON "training_reminders" USING btree ("worker_id","sent_at");--> statement-breakpoint
CREATE INDEX "training_subject_audiences_subject_idx" ON "training_subject_audiences" USING btree ("subject_id");--> statement-breakpoint
CREATE UNIQUE INDEX "training_subjects_code_uq" ON "training_subjects" USING btree ("code");