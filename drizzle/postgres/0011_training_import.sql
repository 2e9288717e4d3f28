ALTER TABLE "import_batches" ADD COLUMN "kind" text DEFAULT 'workers' NOT NULL;--> statement-breakpoint
ALTER TABLE "training_completions" ADD COLUMN "import_batch_id" text;--> statement-breakpoint
CREATE UNIQUE INDEX "training_completions_once_a_day_uq" ON "training_completions" USING btree ("worker_id","subject_id","completed_on") WHERE "training_completions"."removed_at" is null;