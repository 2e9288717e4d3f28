-- Each team's progression events by month (decision record 0032), worked out on read by db/queries/progression.ts
-- and labelled with the team's and the shared versions in fact_versions, which the triggers of migration
-- worker_scorecard_facts and equity_facts already raise on every write the events come from (positions,
-- apprenticeships, competency sign-offs, the worker's own row, stages). Derived, so left out of PostgreSQL's data version.
CREATE TABLE "team_progression_facts" (
	"team_id" text NOT NULL,
	"period_end" text NOT NULL,
	"team_version" integer NOT NULL,
	"shared_version" integer NOT NULL,
	"figures" text NOT NULL,
	CONSTRAINT "team_progression_facts_pk" PRIMARY KEY("period_end","team_id")
);
--> statement-breakpoint
ALTER TABLE "team_progression_facts" ADD CONSTRAINT "team_progression_facts_team_id_teams_id_fk" FOREIGN KEY ("team_id") REFERENCES "public"."teams"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "team_progression_facts_team_idx" ON "team_progression_facts" USING btree ("team_id");