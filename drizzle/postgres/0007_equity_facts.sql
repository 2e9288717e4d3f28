-- The equity figures' summaries (decision record 0030): each worker's part in a reporting period's figures and in
-- the periods they are checked against, worked out on read by db/queries/equality.ts and labelled with the worker's
-- and the shared versions in fact_versions (migration worker_scorecard_facts). Those triggers already raise a worker's
-- version on their appraisals, training requests, apprenticeships and own row; whether they moved up a stage comes
-- from their positions, so the triggers below raise it on those too (and the shared version on a TRUNCATE). Derived, so left out of PostgreSQL's data version.
CREATE TABLE "worker_equity_facts" (
	"worker_id" text NOT NULL,
	"period_end" text NOT NULL,
	"worker_version" integer NOT NULL,
	"shared_version" integer NOT NULL,
	"figures" text NOT NULL,
	CONSTRAINT "worker_equity_facts_pk" PRIMARY KEY("period_end","worker_id")
);
--> statement-breakpoint
ALTER TABLE "worker_equity_facts" ADD CONSTRAINT "worker_equity_facts_worker_id_workers_id_fk" FOREIGN KEY ("worker_id") REFERENCES "public"."workers"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "worker_equity_facts_worker_idx" ON "worker_equity_facts" USING btree ("worker_id");--> statement-breakpoint
CREATE TRIGGER worker_positions_facts AFTER INSERT OR UPDATE OR DELETE ON worker_positions FOR EACH ROW EXECUTE FUNCTION bump_worker_facts();--> statement-breakpoint
CREATE TRIGGER worker_positions_facts_truncate AFTER TRUNCATE ON worker_positions FOR EACH STATEMENT EXECUTE FUNCTION bump_shared_facts();