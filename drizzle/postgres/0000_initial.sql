CREATE TABLE "bands" (
	"id" text PRIMARY KEY NOT NULL,
	"code" text NOT NULL,
	"name" text NOT NULL,
	"sort" integer DEFAULT 0 NOT NULL,
	"retired_at" bigint
);
--> statement-breakpoint
CREATE TABLE "care_settings" (
	"id" text PRIMARY KEY NOT NULL,
	"code" text NOT NULL,
	"name" text NOT NULL,
	"sort" integer DEFAULT 0 NOT NULL,
	"retired_at" bigint
);
--> statement-breakpoint
CREATE TABLE "organisations" (
	"id" text PRIMARY KEY NOT NULL,
	"name" text NOT NULL,
	"ods_code" text,
	"created_at" bigint NOT NULL
);
--> statement-breakpoint
CREATE TABLE "professions" (
	"id" text PRIMARY KEY NOT NULL,
	"code" text NOT NULL,
	"name" text NOT NULL,
	"kind" text NOT NULL,
	"sort" integer DEFAULT 0 NOT NULL,
	"retired_at" bigint
);
--> statement-breakpoint
CREATE TABLE "resources" (
	"id" text PRIMARY KEY NOT NULL,
	"title" text NOT NULL,
	"body" text DEFAULT '' NOT NULL,
	"profession_id" text,
	"type" text NOT NULL,
	"url" text NOT NULL,
	"sort" integer DEFAULT 0 NOT NULL,
	"retired_at" bigint,
	"created_at" bigint NOT NULL
);
--> statement-breakpoint
CREATE TABLE "settings" (
	"key" text PRIMARY KEY NOT NULL,
	"value" jsonb NOT NULL,
	"updated_at" bigint NOT NULL
);
--> statement-breakpoint
CREATE TABLE "stages" (
	"id" text PRIMARY KEY NOT NULL,
	"code" text NOT NULL,
	"name" text NOT NULL,
	"education_level" integer,
	"framework_stage" text,
	"rank" integer NOT NULL,
	"description" text DEFAULT '' NOT NULL,
	"sort" integer DEFAULT 0 NOT NULL,
	"retired_at" bigint
);
--> statement-breakpoint
CREATE TABLE "equality_monitoring" (
	"worker_id" text PRIMARY KEY NOT NULL,
	"ethnic_group" text,
	"disability" text,
	"sex" text,
	"age_band" text,
	"updated_at" bigint NOT NULL
);
--> statement-breakpoint
CREATE TABLE "login_sessions" (
	"id" text PRIMARY KEY NOT NULL,
	"user_id" text NOT NULL,
	"method" text NOT NULL,
	"created_at" bigint NOT NULL,
	"last_seen_at" bigint NOT NULL,
	"ended_at" bigint,
	"end_reason" text
);
--> statement-breakpoint
CREATE TABLE "login_throttle" (
	"key" text PRIMARY KEY NOT NULL,
	"failures" integer DEFAULT 0 NOT NULL,
	"window_started_at" bigint NOT NULL,
	"locked_until" bigint
);
--> statement-breakpoint
CREATE TABLE "password_tokens" (
	"id" text PRIMARY KEY NOT NULL,
	"user_id" text NOT NULL,
	"token_hash" text NOT NULL,
	"purpose" text NOT NULL,
	"expires_at" bigint NOT NULL,
	"used_at" bigint,
	"created_by" text,
	"created_at" bigint NOT NULL
);
--> statement-breakpoint
CREATE TABLE "team_managers" (
	"team_id" text NOT NULL,
	"user_id" text NOT NULL,
	CONSTRAINT "team_managers_team_id_user_id_pk" PRIMARY KEY("team_id","user_id")
);
--> statement-breakpoint
CREATE TABLE "team_professions" (
	"team_id" text NOT NULL,
	"profession_id" text NOT NULL,
	CONSTRAINT "team_professions_team_id_profession_id_pk" PRIMARY KEY("team_id","profession_id")
);
--> statement-breakpoint
CREATE TABLE "teams" (
	"id" text PRIMARY KEY NOT NULL,
	"org_id" text NOT NULL,
	"name" text NOT NULL,
	"service" text DEFAULT '' NOT NULL,
	"care_setting_id" text,
	"archived_at" bigint,
	"created_at" bigint NOT NULL,
	"updated_at" bigint NOT NULL
);
--> statement-breakpoint
CREATE TABLE "users" (
	"id" text PRIMARY KEY NOT NULL,
	"org_id" text NOT NULL,
	"email" text NOT NULL,
	"name" text NOT NULL,
	"role" text NOT NULL,
	"password_hash" text,
	"status" text DEFAULT 'active' NOT NULL,
	"session_version" integer DEFAULT 1 NOT NULL,
	"last_sign_in_at" bigint,
	"created_at" bigint NOT NULL,
	"updated_at" bigint NOT NULL
);
--> statement-breakpoint
CREATE TABLE "worker_positions" (
	"id" text PRIMARY KEY NOT NULL,
	"worker_id" text NOT NULL,
	"effective_from" text NOT NULL,
	"effective_to" text,
	"stage_id" text NOT NULL,
	"band_id" text,
	"job_title" text NOT NULL,
	"team_id" text NOT NULL,
	"reason" text DEFAULT '' NOT NULL,
	"recorded_by" text,
	"created_at" bigint NOT NULL
);
--> statement-breakpoint
CREATE TABLE "workers" (
	"id" text PRIMARY KEY NOT NULL,
	"org_id" text NOT NULL,
	"user_id" text,
	"employee_number" text NOT NULL,
	"first_name" text NOT NULL,
	"last_name" text NOT NULL,
	"job_title" text NOT NULL,
	"profession_id" text NOT NULL,
	"stage_id" text NOT NULL,
	"band_id" text,
	"care_setting_id" text,
	"team_id" text NOT NULL,
	"line_manager_id" text,
	"fte" double precision NOT NULL,
	"contract_start" text NOT NULL,
	"contract_end" text,
	"status" text DEFAULT 'in_post' NOT NULL,
	"leaving_reason" text,
	"created_at" bigint NOT NULL,
	"updated_at" bigint NOT NULL,
	CONSTRAINT "workers_fte_range" CHECK ("workers"."fte" > 0 and "workers"."fte" <= 1)
);
--> statement-breakpoint
CREATE TABLE "competency_assessments" (
	"id" text PRIMARY KEY NOT NULL,
	"worker_id" text NOT NULL,
	"statement_id" text NOT NULL,
	"status" text DEFAULT 'not_started' NOT NULL,
	"confidence" integer,
	"self_assessed_at" bigint,
	"self_assessment_note" text DEFAULT '' NOT NULL,
	"signed_off_on" text,
	"signed_off_by" text,
	"assessor_name" text,
	"assessor_profession" text,
	"assessor_registration" text,
	"expires_on" text,
	"created_at" bigint NOT NULL,
	"updated_at" bigint NOT NULL,
	CONSTRAINT "competency_assessments_confidence" CHECK ("competency_assessments"."confidence" is null or "competency_assessments"."confidence" between 1 and 5)
);
--> statement-breakpoint
CREATE TABLE "competency_evidence" (
	"id" text PRIMARY KEY NOT NULL,
	"assessment_id" text NOT NULL,
	"type" text NOT NULL,
	"evidence_date" text NOT NULL,
	"description" text NOT NULL,
	"link" text,
	"added_by" text,
	"created_at" bigint NOT NULL
);
--> statement-breakpoint
CREATE TABLE "competency_reopenings" (
	"id" text PRIMARY KEY NOT NULL,
	"assessment_id" text NOT NULL,
	"reason" text NOT NULL,
	"reopened_by" text,
	"created_at" bigint NOT NULL
);
--> statement-breakpoint
CREATE TABLE "competency_statements" (
	"id" text PRIMARY KEY NOT NULL,
	"version_id" text NOT NULL,
	"domain_id" text NOT NULL,
	"stage" text NOT NULL,
	"number" text NOT NULL,
	"lineage_key" text NOT NULL,
	"text" text NOT NULL,
	"renewal_months" integer,
	"bespoke" boolean DEFAULT false NOT NULL,
	"profession_id" text,
	"team_id" text,
	"source_ref" text,
	"sort" integer DEFAULT 0 NOT NULL,
	"retired_at" bigint,
	CONSTRAINT "competency_statements_renewal_positive" CHECK ("competency_statements"."renewal_months" is null or "competency_statements"."renewal_months" > 0)
);
--> statement-breakpoint
CREATE TABLE "framework_domains" (
	"id" text PRIMARY KEY NOT NULL,
	"version_id" text NOT NULL,
	"number" integer NOT NULL,
	"title" text NOT NULL,
	"description" text DEFAULT '' NOT NULL
);
--> statement-breakpoint
CREATE TABLE "framework_versions" (
	"id" text PRIMARY KEY NOT NULL,
	"framework_id" text NOT NULL,
	"version" integer NOT NULL,
	"status" text NOT NULL,
	"published_at" bigint,
	"published_by" text,
	"notes" text DEFAULT '' NOT NULL,
	"created_at" bigint NOT NULL
);
--> statement-breakpoint
CREATE TABLE "frameworks" (
	"id" text PRIMARY KEY NOT NULL,
	"key" text NOT NULL,
	"name" text NOT NULL,
	"source" text DEFAULT '' NOT NULL,
	"source_url" text,
	"description" text DEFAULT '' NOT NULL,
	"created_at" bigint NOT NULL
);
--> statement-breakpoint
CREATE TABLE "appraisal_objective_reviews" (
	"id" text PRIMARY KEY NOT NULL,
	"appraisal_id" text NOT NULL,
	"objective" text NOT NULL,
	"outcome" text,
	"comment" text DEFAULT '' NOT NULL,
	"sort" integer DEFAULT 0 NOT NULL
);
--> statement-breakpoint
CREATE TABLE "appraisal_objectives" (
	"id" text PRIMARY KEY NOT NULL,
	"appraisal_id" text NOT NULL,
	"title" text NOT NULL,
	"success_measure" text DEFAULT '' NOT NULL,
	"target_date" text,
	"sort" integer DEFAULT 0 NOT NULL
);
--> statement-breakpoint
CREATE TABLE "appraisal_reopenings" (
	"id" text PRIMARY KEY NOT NULL,
	"appraisal_id" text NOT NULL,
	"reason" text NOT NULL,
	"reopened_by" text,
	"created_at" bigint NOT NULL
);
--> statement-breakpoint
CREATE TABLE "appraisals" (
	"id" text PRIMARY KEY NOT NULL,
	"worker_id" text NOT NULL,
	"appraiser_id" text,
	"scheduled_for" text NOT NULL,
	"held_on" text,
	"status" text DEFAULT 'scheduled' NOT NULL,
	"status_reason" text,
	"achievements" text DEFAULT '' NOT NULL,
	"wellbeing" text DEFAULT '' NOT NULL,
	"feedback" text DEFAULT '' NOT NULL,
	"training_needs" text DEFAULT '' NOT NULL,
	"appraiser_summary" text DEFAULT '' NOT NULL,
	"worker_comments" text DEFAULT '' NOT NULL,
	"worker_signed_at" bigint,
	"completed_at" bigint,
	"created_by" text,
	"created_at" bigint NOT NULL,
	"updated_at" bigint NOT NULL
);
--> statement-breakpoint
CREATE TABLE "barriers" (
	"id" text PRIMARY KEY NOT NULL,
	"worker_id" text NOT NULL,
	"goal_id" text,
	"conversation_id" text,
	"category" text NOT NULL,
	"detail" text DEFAULT '' NOT NULL,
	"recorded_on" text NOT NULL,
	"recorded_by" text,
	"created_at" bigint NOT NULL,
	CONSTRAINT "barriers_one_source" CHECK (("barriers"."goal_id" is null) <> ("barriers"."conversation_id" is null)),
	CONSTRAINT "barriers_other_has_detail" CHECK ("barriers"."category" <> 'other' or length(trim("barriers"."detail")) > 0)
);
--> statement-breakpoint
CREATE TABLE "career_conversations" (
	"id" text PRIMARY KEY NOT NULL,
	"worker_id" text NOT NULL,
	"appraisal_id" text,
	"held_on" text NOT NULL,
	"held_by" text,
	"aspiration" text NOT NULL,
	"aspiration_detail" text DEFAULT '' NOT NULL,
	"target_profession_id" text,
	"apprenticeship_interest" text NOT NULL,
	"options_discussed" text DEFAULT '' NOT NULL,
	"next_conversation_on" text,
	"created_at" bigint NOT NULL,
	"updated_at" bigint NOT NULL
);
--> statement-breakpoint
CREATE TABLE "career_steps" (
	"id" text PRIMARY KEY NOT NULL,
	"conversation_id" text NOT NULL,
	"description" text NOT NULL,
	"due_on" text,
	"done_on" text,
	"sort" integer DEFAULT 0 NOT NULL
);
--> statement-breakpoint
CREATE TABLE "pdp_actions" (
	"id" text PRIMARY KEY NOT NULL,
	"goal_id" text NOT NULL,
	"description" text NOT NULL,
	"owner" text NOT NULL,
	"due_on" text,
	"done_on" text,
	"created_at" bigint NOT NULL
);
--> statement-breakpoint
CREATE TABLE "pdp_goal_domains" (
	"goal_id" text NOT NULL,
	"domain_id" text NOT NULL,
	CONSTRAINT "pdp_goal_domains_goal_id_domain_id_pk" PRIMARY KEY("goal_id","domain_id")
);
--> statement-breakpoint
CREATE TABLE "pdp_goal_statements" (
	"goal_id" text NOT NULL,
	"statement_id" text NOT NULL,
	CONSTRAINT "pdp_goal_statements_goal_id_statement_id_pk" PRIMARY KEY("goal_id","statement_id")
);
--> statement-breakpoint
CREATE TABLE "pdp_goal_support" (
	"goal_id" text NOT NULL,
	"kind" text NOT NULL,
	CONSTRAINT "pdp_goal_support_goal_id_kind_pk" PRIMARY KEY("goal_id","kind")
);
--> statement-breakpoint
CREATE TABLE "pdp_goals" (
	"id" text PRIMARY KEY NOT NULL,
	"pdp_id" text NOT NULL,
	"title" text NOT NULL,
	"why" text DEFAULT '' NOT NULL,
	"success_measure" text DEFAULT '' NOT NULL,
	"target_date" text,
	"status" text DEFAULT 'not_started' NOT NULL,
	"status_reason" text,
	"proposed_by" text NOT NULL,
	"agreed_at" bigint,
	"source_objective_id" text,
	"source_step_id" text,
	"sort" integer DEFAULT 0 NOT NULL,
	"created_by" text,
	"created_at" bigint NOT NULL,
	"updated_at" bigint NOT NULL
);
--> statement-breakpoint
CREATE TABLE "pdp_notes" (
	"id" text PRIMARY KEY NOT NULL,
	"goal_id" text NOT NULL,
	"kind" text NOT NULL,
	"body" text NOT NULL,
	"author_id" text,
	"created_at" bigint NOT NULL
);
--> statement-breakpoint
CREATE TABLE "pdp_reviews" (
	"id" text PRIMARY KEY NOT NULL,
	"pdp_id" text NOT NULL,
	"reviewed_on" text NOT NULL,
	"summary" text NOT NULL,
	"next_review_on" text,
	"reviewer_id" text,
	"created_at" bigint NOT NULL
);
--> statement-breakpoint
CREATE TABLE "pdps" (
	"id" text PRIMARY KEY NOT NULL,
	"worker_id" text NOT NULL,
	"period_start" text NOT NULL,
	"period_end" text NOT NULL,
	"status" text DEFAULT 'draft' NOT NULL,
	"version" integer DEFAULT 1 NOT NULL,
	"worker_agreed_at" bigint,
	"manager_agreed_at" bigint,
	"manager_agreed_by" text,
	"next_review_on" text,
	"closed_at" bigint,
	"created_by" text,
	"created_at" bigint NOT NULL,
	"updated_at" bigint NOT NULL,
	CONSTRAINT "pdps_period_order" CHECK ("pdps"."period_end" > "pdps"."period_start")
);
--> statement-breakpoint
CREATE TABLE "apprenticeship_options" (
	"id" text PRIMARY KEY NOT NULL,
	"standard_id" text NOT NULL,
	"name" text NOT NULL,
	"retired_at" bigint
);
--> statement-breakpoint
CREATE TABLE "apprenticeship_reviews" (
	"id" text PRIMARY KEY NOT NULL,
	"apprenticeship_id" text NOT NULL,
	"reviewed_on" text NOT NULL,
	"attendees" text NOT NULL,
	"progress" text DEFAULT '' NOT NULL,
	"concerns" text DEFAULT '' NOT NULL,
	"actions" text DEFAULT '' NOT NULL,
	"next_review_on" text,
	"recorded_by" text,
	"created_at" bigint NOT NULL
);
--> statement-breakpoint
CREATE TABLE "apprenticeship_standards" (
	"id" text PRIMARY KEY NOT NULL,
	"reference" text NOT NULL,
	"title" text NOT NULL,
	"level" integer NOT NULL,
	"typical_duration_months" integer NOT NULL,
	"otj_minimum_hours" integer,
	"profession_id" text,
	"retired_at" bigint,
	"created_at" bigint NOT NULL
);
--> statement-breakpoint
CREATE TABLE "apprenticeship_status_changes" (
	"id" text PRIMARY KEY NOT NULL,
	"apprenticeship_id" text NOT NULL,
	"from_status" text,
	"to_status" text NOT NULL,
	"effective_on" text NOT NULL,
	"reason" text DEFAULT '' NOT NULL,
	"changed_by" text,
	"created_at" bigint NOT NULL
);
--> statement-breakpoint
CREATE TABLE "apprenticeships" (
	"id" text PRIMARY KEY NOT NULL,
	"worker_id" text NOT NULL,
	"standard_id" text NOT NULL,
	"option_id" text,
	"provider" text NOT NULL,
	"start_date" text NOT NULL,
	"planned_end_date" text NOT NULL,
	"actual_end_date" text,
	"status" text DEFAULT 'planned' NOT NULL,
	"withdrawn_reason" text,
	"weekly_hours" double precision DEFAULT 37.5 NOT NULL,
	"epa_result" text,
	"epa_result_on" text,
	"created_by" text,
	"created_at" bigint NOT NULL,
	"updated_at" bigint NOT NULL,
	CONSTRAINT "apprenticeships_dates" CHECK ("apprenticeships"."planned_end_date" > "apprenticeships"."start_date")
);
--> statement-breakpoint
CREATE TABLE "gateway_checks" (
	"id" text PRIMARY KEY NOT NULL,
	"apprenticeship_id" text NOT NULL,
	"requirement_id" text NOT NULL,
	"completed_on" text NOT NULL,
	"evidence" text DEFAULT '' NOT NULL,
	"checked_by" text,
	"created_at" bigint NOT NULL
);
--> statement-breakpoint
CREATE TABLE "gateway_requirements" (
	"id" text PRIMARY KEY NOT NULL,
	"standard_id" text NOT NULL,
	"label" text NOT NULL,
	"sort" integer DEFAULT 0 NOT NULL,
	"retired_at" bigint
);
--> statement-breakpoint
CREATE TABLE "otj_logs" (
	"id" text PRIMARY KEY NOT NULL,
	"apprenticeship_id" text NOT NULL,
	"activity_on" text NOT NULL,
	"hours" double precision NOT NULL,
	"activity_type" text NOT NULL,
	"note" text DEFAULT '' NOT NULL,
	"logged_by" text,
	"created_at" bigint NOT NULL,
	CONSTRAINT "otj_logs_hours_range" CHECK ("otj_logs"."hours" > 0 and "otj_logs"."hours" <= 24)
);
--> statement-breakpoint
CREATE TABLE "otj_rules" (
	"id" text PRIMARY KEY NOT NULL,
	"effective_from" text NOT NULL,
	"effective_to" text,
	"kind" text NOT NULL,
	"value" double precision NOT NULL,
	"minimum_hours" integer,
	"description" text NOT NULL
);
--> statement-breakpoint
CREATE TABLE "cpd_activities" (
	"id" text PRIMARY KEY NOT NULL,
	"worker_id" text NOT NULL,
	"activity_on" text NOT NULL,
	"title" text NOT NULL,
	"type" text NOT NULL,
	"learning" text NOT NULL,
	"hours" double precision NOT NULL,
	"reflection_what" text DEFAULT '' NOT NULL,
	"reflection_so_what" text DEFAULT '' NOT NULL,
	"reflection_now_what" text DEFAULT '' NOT NULL,
	"pdp_goal_id" text,
	"training_request_id" text,
	"created_by" text,
	"created_at" bigint NOT NULL,
	"updated_at" bigint NOT NULL,
	CONSTRAINT "cpd_activities_hours_range" CHECK ("cpd_activities"."hours" > 0 and "cpd_activities"."hours" <= 24)
);
--> statement-breakpoint
CREATE TABLE "delegated_tasks" (
	"id" text PRIMARY KEY NOT NULL,
	"worker_id" text NOT NULL,
	"task" text NOT NULL,
	"delegated_by_name" text NOT NULL,
	"delegated_by_profession" text DEFAULT '' NOT NULL,
	"delegated_by_registration" text,
	"supervision_level" text NOT NULL,
	"competent_since" text NOT NULL,
	"review_on" text NOT NULL,
	"ended_on" text,
	"recorded_by" text,
	"created_at" bigint NOT NULL,
	"updated_at" bigint NOT NULL
);
--> statement-breakpoint
CREATE TABLE "supervision_sessions" (
	"id" text PRIMARY KEY NOT NULL,
	"worker_id" text NOT NULL,
	"held_on" text NOT NULL,
	"supervisor_id" text,
	"supervisor_name" text NOT NULL,
	"type" text NOT NULL,
	"summary" text DEFAULT '' NOT NULL,
	"actions" text DEFAULT '' NOT NULL,
	"recorded_by" text,
	"created_at" bigint NOT NULL
);
--> statement-breakpoint
CREATE TABLE "training_requests" (
	"id" text PRIMARY KEY NOT NULL,
	"worker_id" text NOT NULL,
	"title" text NOT NULL,
	"provider" text DEFAULT '' NOT NULL,
	"cost_pence" integer,
	"starts_on" text,
	"ends_on" text,
	"pdp_goal_id" text,
	"why" text DEFAULT '' NOT NULL,
	"status" text DEFAULT 'pending' NOT NULL,
	"requested_by" text,
	"requested_at" bigint NOT NULL,
	"decided_by" text,
	"decided_at" bigint,
	"decline_reason" text,
	"decline_detail" text,
	"created_at" bigint NOT NULL,
	"updated_at" bigint NOT NULL,
	CONSTRAINT "training_requests_decline_has_reason" CHECK ("training_requests"."status" <> 'declined' or "training_requests"."decline_reason" is not null),
	CONSTRAINT "training_requests_dates" CHECK ("training_requests"."ends_on" is null or "training_requests"."starts_on" is null or "training_requests"."ends_on" >= "training_requests"."starts_on")
);
--> statement-breakpoint
CREATE TABLE "audit_events" (
	"seq" integer PRIMARY KEY NOT NULL,
	"at" bigint NOT NULL,
	"actor_id" text,
	"actor_label" text NOT NULL,
	"action" text NOT NULL,
	"entity_type" text NOT NULL,
	"entity_id" text NOT NULL,
	"worker_id" text,
	"summary" text DEFAULT '{}' NOT NULL,
	"address" text,
	"session_id" text,
	"hash" text
);
--> statement-breakpoint
CREATE TABLE "reminder_deliveries" (
	"id" text PRIMARY KEY NOT NULL,
	"user_id" text NOT NULL,
	"reminder_key" text NOT NULL,
	"sent_at" bigint NOT NULL
);
--> statement-breakpoint
CREATE TABLE "import_batches" (
	"id" text PRIMARY KEY NOT NULL,
	"org_id" text NOT NULL,
	"uploaded_by" text NOT NULL,
	"file_name" text NOT NULL,
	"checked_on" text NOT NULL,
	"status" text DEFAULT 'checked' NOT NULL,
	"total_rows" integer NOT NULL,
	"to_create" integer NOT NULL,
	"to_update" integer NOT NULL,
	"unchanged" integer NOT NULL,
	"rejected" integer NOT NULL,
	"notes" text DEFAULT '[]' NOT NULL,
	"created_at" bigint NOT NULL,
	"applied_at" bigint
);
--> statement-breakpoint
CREATE TABLE "import_rows" (
	"batch_id" text NOT NULL,
	"row_number" integer NOT NULL,
	"verdict" text NOT NULL,
	"data" text NOT NULL,
	CONSTRAINT "import_rows_batch_id_row_number_pk" PRIMARY KEY("batch_id","row_number")
);
--> statement-breakpoint
ALTER TABLE "resources" ADD CONSTRAINT "resources_profession_id_professions_id_fk" FOREIGN KEY ("profession_id") REFERENCES "public"."professions"("id") ON DELETE restrict ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "equality_monitoring" ADD CONSTRAINT "equality_monitoring_worker_id_workers_id_fk" FOREIGN KEY ("worker_id") REFERENCES "public"."workers"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "login_sessions" ADD CONSTRAINT "login_sessions_user_id_users_id_fk" FOREIGN KEY ("user_id") REFERENCES "public"."users"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "password_tokens" ADD CONSTRAINT "password_tokens_user_id_users_id_fk" FOREIGN KEY ("user_id") REFERENCES "public"."users"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "password_tokens" ADD CONSTRAINT "password_tokens_created_by_users_id_fk" FOREIGN KEY ("created_by") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "team_managers" ADD CONSTRAINT "team_managers_team_id_teams_id_fk" FOREIGN KEY ("team_id") REFERENCES "public"."teams"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "team_managers" ADD CONSTRAINT "team_managers_user_id_users_id_fk" FOREIGN KEY ("user_id") REFERENCES "public"."users"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "team_professions" ADD CONSTRAINT "team_professions_team_id_teams_id_fk" FOREIGN KEY ("team_id") REFERENCES "public"."teams"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "team_professions" ADD CONSTRAINT "team_professions_profession_id_professions_id_fk" FOREIGN KEY ("profession_id") REFERENCES "public"."professions"("id") ON DELETE restrict ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "teams" ADD CONSTRAINT "teams_org_id_organisations_id_fk" FOREIGN KEY ("org_id") REFERENCES "public"."organisations"("id") ON DELETE restrict ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "teams" ADD CONSTRAINT "teams_care_setting_id_care_settings_id_fk" FOREIGN KEY ("care_setting_id") REFERENCES "public"."care_settings"("id") ON DELETE restrict ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "users" ADD CONSTRAINT "users_org_id_organisations_id_fk" FOREIGN KEY ("org_id") REFERENCES "public"."organisations"("id") ON DELETE restrict ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "worker_positions" ADD CONSTRAINT "worker_positions_worker_id_workers_id_fk" FOREIGN KEY ("worker_id") REFERENCES "public"."workers"("id") ON DELETE restrict ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "worker_positions" ADD CONSTRAINT "worker_positions_stage_id_stages_id_fk" FOREIGN KEY ("stage_id") REFERENCES "public"."stages"("id") ON DELETE restrict ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "worker_positions" ADD CONSTRAINT "worker_positions_band_id_bands_id_fk" FOREIGN KEY ("band_id") REFERENCES "public"."bands"("id") ON DELETE restrict ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "worker_positions" ADD CONSTRAINT "worker_positions_team_id_teams_id_fk" FOREIGN KEY ("team_id") REFERENCES "public"."teams"("id") ON DELETE restrict ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "worker_positions" ADD CONSTRAINT "worker_positions_recorded_by_users_id_fk" FOREIGN KEY ("recorded_by") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "workers" ADD CONSTRAINT "workers_org_id_organisations_id_fk" FOREIGN KEY ("org_id") REFERENCES "public"."organisations"("id") ON DELETE restrict ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "workers" ADD CONSTRAINT "workers_user_id_users_id_fk" FOREIGN KEY ("user_id") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "workers" ADD CONSTRAINT "workers_profession_id_professions_id_fk" FOREIGN KEY ("profession_id") REFERENCES "public"."professions"("id") ON DELETE restrict ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "workers" ADD CONSTRAINT "workers_stage_id_stages_id_fk" FOREIGN KEY ("stage_id") REFERENCES "public"."stages"("id") ON DELETE restrict ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "workers" ADD CONSTRAINT "workers_band_id_bands_id_fk" FOREIGN KEY ("band_id") REFERENCES "public"."bands"("id") ON DELETE restrict ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "workers" ADD CONSTRAINT "workers_care_setting_id_care_settings_id_fk" FOREIGN KEY ("care_setting_id") REFERENCES "public"."care_settings"("id") ON DELETE restrict ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "workers" ADD CONSTRAINT "workers_team_id_teams_id_fk" FOREIGN KEY ("team_id") REFERENCES "public"."teams"("id") ON DELETE restrict ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "workers" ADD CONSTRAINT "workers_line_manager_id_users_id_fk" FOREIGN KEY ("line_manager_id") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "competency_assessments" ADD CONSTRAINT "competency_assessments_worker_id_workers_id_fk" FOREIGN KEY ("worker_id") REFERENCES "public"."workers"("id") ON DELETE restrict ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "competency_assessments" ADD CONSTRAINT "competency_assessments_statement_id_competency_statements_id_fk" FOREIGN KEY ("statement_id") REFERENCES "public"."competency_statements"("id") ON DELETE restrict ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "competency_assessments" ADD CONSTRAINT "competency_assessments_signed_off_by_users_id_fk" FOREIGN KEY ("signed_off_by") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "competency_evidence" ADD CONSTRAINT "competency_evidence_assessment_id_competency_assessments_id_fk" FOREIGN KEY ("assessment_id") REFERENCES "public"."competency_assessments"("id") ON DELETE restrict ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "competency_evidence" ADD CONSTRAINT "competency_evidence_added_by_users_id_fk" FOREIGN KEY ("added_by") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "competency_reopenings" ADD CONSTRAINT "competency_reopenings_assessment_id_competency_assessments_id_fk" FOREIGN KEY ("assessment_id") REFERENCES "public"."competency_assessments"("id") ON DELETE restrict ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "competency_reopenings" ADD CONSTRAINT "competency_reopenings_reopened_by_users_id_fk" FOREIGN KEY ("reopened_by") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "competency_statements" ADD CONSTRAINT "competency_statements_version_id_framework_versions_id_fk" FOREIGN KEY ("version_id") REFERENCES "public"."framework_versions"("id") ON DELETE restrict ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "competency_statements" ADD CONSTRAINT "competency_statements_domain_id_framework_domains_id_fk" FOREIGN KEY ("domain_id") REFERENCES "public"."framework_domains"("id") ON DELETE restrict ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "competency_statements" ADD CONSTRAINT "competency_statements_profession_id_professions_id_fk" FOREIGN KEY ("profession_id") REFERENCES "public"."professions"("id") ON DELETE restrict ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "competency_statements" ADD CONSTRAINT "competency_statements_team_id_teams_id_fk" FOREIGN KEY ("team_id") REFERENCES "public"."teams"("id") ON DELETE restrict ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "framework_domains" ADD CONSTRAINT "framework_domains_version_id_framework_versions_id_fk" FOREIGN KEY ("version_id") REFERENCES "public"."framework_versions"("id") ON DELETE restrict ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "framework_versions" ADD CONSTRAINT "framework_versions_framework_id_frameworks_id_fk" FOREIGN KEY ("framework_id") REFERENCES "public"."frameworks"("id") ON DELETE restrict ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "framework_versions" ADD CONSTRAINT "framework_versions_published_by_users_id_fk" FOREIGN KEY ("published_by") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "appraisal_objective_reviews" ADD CONSTRAINT "appraisal_objective_reviews_appraisal_id_appraisals_id_fk" FOREIGN KEY ("appraisal_id") REFERENCES "public"."appraisals"("id") ON DELETE restrict ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "appraisal_objectives" ADD CONSTRAINT "appraisal_objectives_appraisal_id_appraisals_id_fk" FOREIGN KEY ("appraisal_id") REFERENCES "public"."appraisals"("id") ON DELETE restrict ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "appraisal_reopenings" ADD CONSTRAINT "appraisal_reopenings_appraisal_id_appraisals_id_fk" FOREIGN KEY ("appraisal_id") REFERENCES "public"."appraisals"("id") ON DELETE restrict ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "appraisal_reopenings" ADD CONSTRAINT "appraisal_reopenings_reopened_by_users_id_fk" FOREIGN KEY ("reopened_by") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "appraisals" ADD CONSTRAINT "appraisals_worker_id_workers_id_fk" FOREIGN KEY ("worker_id") REFERENCES "public"."workers"("id") ON DELETE restrict ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "appraisals" ADD CONSTRAINT "appraisals_appraiser_id_users_id_fk" FOREIGN KEY ("appraiser_id") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "appraisals" ADD CONSTRAINT "appraisals_created_by_users_id_fk" FOREIGN KEY ("created_by") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "barriers" ADD CONSTRAINT "barriers_worker_id_workers_id_fk" FOREIGN KEY ("worker_id") REFERENCES "public"."workers"("id") ON DELETE restrict ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "barriers" ADD CONSTRAINT "barriers_goal_id_pdp_goals_id_fk" FOREIGN KEY ("goal_id") REFERENCES "public"."pdp_goals"("id") ON DELETE restrict ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "barriers" ADD CONSTRAINT "barriers_conversation_id_career_conversations_id_fk" FOREIGN KEY ("conversation_id") REFERENCES "public"."career_conversations"("id") ON DELETE restrict ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "barriers" ADD CONSTRAINT "barriers_recorded_by_users_id_fk" FOREIGN KEY ("recorded_by") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "career_conversations" ADD CONSTRAINT "career_conversations_worker_id_workers_id_fk" FOREIGN KEY ("worker_id") REFERENCES "public"."workers"("id") ON DELETE restrict ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "career_conversations" ADD CONSTRAINT "career_conversations_appraisal_id_appraisals_id_fk" FOREIGN KEY ("appraisal_id") REFERENCES "public"."appraisals"("id") ON DELETE restrict ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "career_conversations" ADD CONSTRAINT "career_conversations_held_by_users_id_fk" FOREIGN KEY ("held_by") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "career_conversations" ADD CONSTRAINT "career_conversations_target_profession_id_professions_id_fk" FOREIGN KEY ("target_profession_id") REFERENCES "public"."professions"("id") ON DELETE restrict ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "career_steps" ADD CONSTRAINT "career_steps_conversation_id_career_conversations_id_fk" FOREIGN KEY ("conversation_id") REFERENCES "public"."career_conversations"("id") ON DELETE restrict ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "pdp_actions" ADD CONSTRAINT "pdp_actions_goal_id_pdp_goals_id_fk" FOREIGN KEY ("goal_id") REFERENCES "public"."pdp_goals"("id") ON DELETE restrict ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "pdp_goal_domains" ADD CONSTRAINT "pdp_goal_domains_goal_id_pdp_goals_id_fk" FOREIGN KEY ("goal_id") REFERENCES "public"."pdp_goals"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "pdp_goal_domains" ADD CONSTRAINT "pdp_goal_domains_domain_id_framework_domains_id_fk" FOREIGN KEY ("domain_id") REFERENCES "public"."framework_domains"("id") ON DELETE restrict ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "pdp_goal_statements" ADD CONSTRAINT "pdp_goal_statements_goal_id_pdp_goals_id_fk" FOREIGN KEY ("goal_id") REFERENCES "public"."pdp_goals"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "pdp_goal_statements" ADD CONSTRAINT "pdp_goal_statements_statement_id_competency_statements_id_fk" FOREIGN KEY ("statement_id") REFERENCES "public"."competency_statements"("id") ON DELETE restrict ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "pdp_goal_support" ADD CONSTRAINT "pdp_goal_support_goal_id_pdp_goals_id_fk" FOREIGN KEY ("goal_id") REFERENCES "public"."pdp_goals"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "pdp_goals" ADD CONSTRAINT "pdp_goals_pdp_id_pdps_id_fk" FOREIGN KEY ("pdp_id") REFERENCES "public"."pdps"("id") ON DELETE restrict ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "pdp_goals" ADD CONSTRAINT "pdp_goals_source_objective_id_appraisal_objectives_id_fk" FOREIGN KEY ("source_objective_id") REFERENCES "public"."appraisal_objectives"("id") ON DELETE restrict ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "pdp_goals" ADD CONSTRAINT "pdp_goals_source_step_id_career_steps_id_fk" FOREIGN KEY ("source_step_id") REFERENCES "public"."career_steps"("id") ON DELETE restrict ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "pdp_goals" ADD CONSTRAINT "pdp_goals_created_by_users_id_fk" FOREIGN KEY ("created_by") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "pdp_notes" ADD CONSTRAINT "pdp_notes_goal_id_pdp_goals_id_fk" FOREIGN KEY ("goal_id") REFERENCES "public"."pdp_goals"("id") ON DELETE restrict ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "pdp_notes" ADD CONSTRAINT "pdp_notes_author_id_users_id_fk" FOREIGN KEY ("author_id") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "pdp_reviews" ADD CONSTRAINT "pdp_reviews_pdp_id_pdps_id_fk" FOREIGN KEY ("pdp_id") REFERENCES "public"."pdps"("id") ON DELETE restrict ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "pdp_reviews" ADD CONSTRAINT "pdp_reviews_reviewer_id_users_id_fk" FOREIGN KEY ("reviewer_id") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "pdps" ADD CONSTRAINT "pdps_worker_id_workers_id_fk" FOREIGN KEY ("worker_id") REFERENCES "public"."workers"("id") ON DELETE restrict ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "pdps" ADD CONSTRAINT "pdps_manager_agreed_by_users_id_fk" FOREIGN KEY ("manager_agreed_by") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "pdps" ADD CONSTRAINT "pdps_created_by_users_id_fk" FOREIGN KEY ("created_by") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "apprenticeship_options" ADD CONSTRAINT "apprenticeship_options_standard_id_apprenticeship_standards_id_fk" FOREIGN KEY ("standard_id") REFERENCES "public"."apprenticeship_standards"("id") ON DELETE restrict ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "apprenticeship_reviews" ADD CONSTRAINT "apprenticeship_reviews_apprenticeship_id_apprenticeships_id_fk" FOREIGN KEY ("apprenticeship_id") REFERENCES "public"."apprenticeships"("id") ON DELETE restrict ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "apprenticeship_reviews" ADD CONSTRAINT "apprenticeship_reviews_recorded_by_users_id_fk" FOREIGN KEY ("recorded_by") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "apprenticeship_standards" ADD CONSTRAINT "apprenticeship_standards_profession_id_professions_id_fk" FOREIGN KEY ("profession_id") REFERENCES "public"."professions"("id") ON DELETE restrict ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "apprenticeship_status_changes" ADD CONSTRAINT "apprenticeship_status_changes_apprenticeship_id_apprenticeships_id_fk" FOREIGN KEY ("apprenticeship_id") REFERENCES "public"."apprenticeships"("id") ON DELETE restrict ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "apprenticeship_status_changes" ADD CONSTRAINT "apprenticeship_status_changes_changed_by_users_id_fk" FOREIGN KEY ("changed_by") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "apprenticeships" ADD CONSTRAINT "apprenticeships_worker_id_workers_id_fk" FOREIGN KEY ("worker_id") REFERENCES "public"."workers"("id") ON DELETE restrict ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "apprenticeships" ADD CONSTRAINT "apprenticeships_standard_id_apprenticeship_standards_id_fk" FOREIGN KEY ("standard_id") REFERENCES "public"."apprenticeship_standards"("id") ON DELETE restrict ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "apprenticeships" ADD CONSTRAINT "apprenticeships_option_id_apprenticeship_options_id_fk" FOREIGN KEY ("option_id") REFERENCES "public"."apprenticeship_options"("id") ON DELETE restrict ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "apprenticeships" ADD CONSTRAINT "apprenticeships_created_by_users_id_fk" FOREIGN KEY ("created_by") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "gateway_checks" ADD CONSTRAINT "gateway_checks_apprenticeship_id_apprenticeships_id_fk" FOREIGN KEY ("apprenticeship_id") REFERENCES "public"."apprenticeships"("id") ON DELETE restrict ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "gateway_checks" ADD CONSTRAINT "gateway_checks_requirement_id_gateway_requirements_id_fk" FOREIGN KEY ("requirement_id") REFERENCES "public"."gateway_requirements"("id") ON DELETE restrict ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "gateway_checks" ADD CONSTRAINT "gateway_checks_checked_by_users_id_fk" FOREIGN KEY ("checked_by") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "gateway_requirements" ADD CONSTRAINT "gateway_requirements_standard_id_apprenticeship_standards_id_fk" FOREIGN KEY ("standard_id") REFERENCES "public"."apprenticeship_standards"("id") ON DELETE restrict ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "otj_logs" ADD CONSTRAINT "otj_logs_apprenticeship_id_apprenticeships_id_fk" FOREIGN KEY ("apprenticeship_id") REFERENCES "public"."apprenticeships"("id") ON DELETE restrict ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "otj_logs" ADD CONSTRAINT "otj_logs_logged_by_users_id_fk" FOREIGN KEY ("logged_by") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "cpd_activities" ADD CONSTRAINT "cpd_activities_worker_id_workers_id_fk" FOREIGN KEY ("worker_id") REFERENCES "public"."workers"("id") ON DELETE restrict ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "cpd_activities" ADD CONSTRAINT "cpd_activities_pdp_goal_id_pdp_goals_id_fk" FOREIGN KEY ("pdp_goal_id") REFERENCES "public"."pdp_goals"("id") ON DELETE restrict ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "cpd_activities" ADD CONSTRAINT "cpd_activities_training_request_id_training_requests_id_fk" FOREIGN KEY ("training_request_id") REFERENCES "public"."training_requests"("id") ON DELETE restrict ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "cpd_activities" ADD CONSTRAINT "cpd_activities_created_by_users_id_fk" FOREIGN KEY ("created_by") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "delegated_tasks" ADD CONSTRAINT "delegated_tasks_worker_id_workers_id_fk" FOREIGN KEY ("worker_id") REFERENCES "public"."workers"("id") ON DELETE restrict ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "delegated_tasks" ADD CONSTRAINT "delegated_tasks_recorded_by_users_id_fk" FOREIGN KEY ("recorded_by") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "supervision_sessions" ADD CONSTRAINT "supervision_sessions_worker_id_workers_id_fk" FOREIGN KEY ("worker_id") REFERENCES "public"."workers"("id") ON DELETE restrict ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "supervision_sessions" ADD CONSTRAINT "supervision_sessions_supervisor_id_users_id_fk" FOREIGN KEY ("supervisor_id") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "supervision_sessions" ADD CONSTRAINT "supervision_sessions_recorded_by_users_id_fk" FOREIGN KEY ("recorded_by") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "training_requests" ADD CONSTRAINT "training_requests_worker_id_workers_id_fk" FOREIGN KEY ("worker_id") REFERENCES "public"."workers"("id") ON DELETE restrict ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "training_requests" ADD CONSTRAINT "training_requests_pdp_goal_id_pdp_goals_id_fk" FOREIGN KEY ("pdp_goal_id") REFERENCES "public"."pdp_goals"("id") ON DELETE restrict ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "training_requests" ADD CONSTRAINT "training_requests_requested_by_users_id_fk" FOREIGN KEY ("requested_by") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "training_requests" ADD CONSTRAINT "training_requests_decided_by_users_id_fk" FOREIGN KEY ("decided_by") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "audit_events" ADD CONSTRAINT "audit_events_actor_id_users_id_fk" FOREIGN KEY ("actor_id") REFERENCES "public"."users"("id") ON DELETE restrict ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "reminder_deliveries" ADD CONSTRAINT "reminder_deliveries_user_id_users_id_fk" FOREIGN KEY ("user_id") REFERENCES "public"."users"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "import_batches" ADD CONSTRAINT "import_batches_org_id_organisations_id_fk" FOREIGN KEY ("org_id") REFERENCES "public"."organisations"("id") ON DELETE restrict ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "import_batches" ADD CONSTRAINT "import_batches_uploaded_by_users_id_fk" FOREIGN KEY ("uploaded_by") REFERENCES "public"."users"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "import_rows" ADD CONSTRAINT "import_rows_batch_id_import_batches_id_fk" FOREIGN KEY ("batch_id") REFERENCES "public"."import_batches"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
CREATE UNIQUE INDEX "bands_code_uq" ON "bands" USING btree ("code");--> statement-breakpoint
CREATE UNIQUE INDEX "care_settings_code_uq" ON "care_settings" USING btree ("code");--> statement-breakpoint
CREATE UNIQUE INDEX "professions_code_uq" ON "professions" USING btree ("code");--> statement-breakpoint
CREATE INDEX "resources_profession_idx" ON "resources" USING btree ("profession_id");--> statement-breakpoint
CREATE UNIQUE INDEX "stages_code_uq" ON "stages" USING btree ("code");--> statement-breakpoint
CREATE INDEX "login_sessions_user_idx" ON "login_sessions" USING btree ("user_id");--> statement-breakpoint
CREATE UNIQUE INDEX "password_tokens_hash_uq" ON "password_tokens" USING btree ("token_hash");--> statement-breakpoint
CREATE INDEX "password_tokens_user_idx" ON "password_tokens" USING btree ("user_id");--> statement-breakpoint
CREATE INDEX "team_managers_user_idx" ON "team_managers" USING btree ("user_id");--> statement-breakpoint
CREATE UNIQUE INDEX "teams_org_name_uq" ON "teams" USING btree ("org_id","name");--> statement-breakpoint
CREATE UNIQUE INDEX "users_email_uq" ON "users" USING btree ("email");--> statement-breakpoint
CREATE INDEX "users_org_role_idx" ON "users" USING btree ("org_id","role");--> statement-breakpoint
CREATE INDEX "worker_positions_worker_idx" ON "worker_positions" USING btree ("worker_id","effective_from");--> statement-breakpoint
CREATE INDEX "worker_positions_from_idx" ON "worker_positions" USING btree ("effective_from");--> statement-breakpoint
CREATE UNIQUE INDEX "workers_org_employee_number_uq" ON "workers" USING btree ("org_id","employee_number");--> statement-breakpoint
CREATE UNIQUE INDEX "workers_user_uq" ON "workers" USING btree ("user_id");--> statement-breakpoint
CREATE INDEX "workers_team_idx" ON "workers" USING btree ("team_id","status");--> statement-breakpoint
CREATE INDEX "workers_line_manager_idx" ON "workers" USING btree ("line_manager_id");--> statement-breakpoint
CREATE INDEX "workers_org_status_idx" ON "workers" USING btree ("org_id","status");--> statement-breakpoint
CREATE INDEX "workers_profession_idx" ON "workers" USING btree ("profession_id");--> statement-breakpoint
CREATE INDEX "workers_stage_idx" ON "workers" USING btree ("stage_id");--> statement-breakpoint
CREATE INDEX "workers_name_idx" ON "workers" USING btree ("last_name","first_name");--> statement-breakpoint
CREATE UNIQUE INDEX "competency_assessments_uq" ON "competency_assessments" USING btree ("worker_id","statement_id");--> statement-breakpoint
CREATE INDEX "competency_assessments_worker_status_idx" ON "competency_assessments" USING btree ("worker_id","status","statement_id","signed_off_on","expires_on");--> statement-breakpoint
CREATE INDEX "competency_assessments_signed_on_idx" ON "competency_assessments" USING btree ("signed_off_on");--> statement-breakpoint
CREATE INDEX "competency_assessments_statement_idx" ON "competency_assessments" USING btree ("statement_id");--> statement-breakpoint
CREATE INDEX "competency_assessments_expiry_idx" ON "competency_assessments" USING btree ("expires_on");--> statement-breakpoint
CREATE INDEX "competency_assessments_signed_by_idx" ON "competency_assessments" USING btree ("signed_off_by","updated_at") WHERE "competency_assessments"."signed_off_by" is not null;--> statement-breakpoint
CREATE INDEX "competency_evidence_assessment_idx" ON "competency_evidence" USING btree ("assessment_id");--> statement-breakpoint
CREATE INDEX "competency_reopenings_assessment_idx" ON "competency_reopenings" USING btree ("assessment_id");--> statement-breakpoint
CREATE INDEX "competency_statements_version_stage_idx" ON "competency_statements" USING btree ("version_id","stage");--> statement-breakpoint
CREATE INDEX "competency_statements_lineage_idx" ON "competency_statements" USING btree ("lineage_key");--> statement-breakpoint
CREATE UNIQUE INDEX "competency_statements_version_lineage_uq" ON "competency_statements" USING btree ("version_id","lineage_key");--> statement-breakpoint
CREATE UNIQUE INDEX "framework_domains_uq" ON "framework_domains" USING btree ("version_id","number");--> statement-breakpoint
CREATE UNIQUE INDEX "framework_versions_uq" ON "framework_versions" USING btree ("framework_id","version");--> statement-breakpoint
CREATE UNIQUE INDEX "framework_versions_one_draft_uq" ON "framework_versions" USING btree ("framework_id") WHERE "framework_versions"."status" = 'draft';--> statement-breakpoint
CREATE UNIQUE INDEX "framework_versions_one_published_uq" ON "framework_versions" USING btree ("framework_id") WHERE "framework_versions"."status" = 'published';--> statement-breakpoint
CREATE UNIQUE INDEX "frameworks_key_uq" ON "frameworks" USING btree ("key");--> statement-breakpoint
CREATE INDEX "appraisal_objective_reviews_idx" ON "appraisal_objective_reviews" USING btree ("appraisal_id");--> statement-breakpoint
CREATE INDEX "appraisal_objectives_idx" ON "appraisal_objectives" USING btree ("appraisal_id");--> statement-breakpoint
CREATE INDEX "appraisal_reopenings_idx" ON "appraisal_reopenings" USING btree ("appraisal_id");--> statement-breakpoint
CREATE INDEX "appraisals_worker_idx" ON "appraisals" USING btree ("worker_id","status","held_on");--> statement-breakpoint
CREATE INDEX "appraisals_scheduled_idx" ON "appraisals" USING btree ("status","scheduled_for");--> statement-breakpoint
CREATE INDEX "appraisals_held_idx" ON "appraisals" USING btree ("status","held_on");--> statement-breakpoint
CREATE INDEX "barriers_worker_idx" ON "barriers" USING btree ("worker_id");--> statement-breakpoint
CREATE INDEX "barriers_category_idx" ON "barriers" USING btree ("category","recorded_on");--> statement-breakpoint
CREATE INDEX "barriers_goal_idx" ON "barriers" USING btree ("goal_id");--> statement-breakpoint
CREATE INDEX "barriers_conversation_idx" ON "barriers" USING btree ("conversation_id");--> statement-breakpoint
CREATE INDEX "career_conversations_worker_idx" ON "career_conversations" USING btree ("worker_id","held_on");--> statement-breakpoint
CREATE INDEX "career_conversations_next_idx" ON "career_conversations" USING btree ("next_conversation_on");--> statement-breakpoint
CREATE INDEX "career_conversations_held_idx" ON "career_conversations" USING btree ("held_on");--> statement-breakpoint
CREATE INDEX "career_steps_conversation_idx" ON "career_steps" USING btree ("conversation_id");--> statement-breakpoint
CREATE INDEX "pdp_actions_goal_idx" ON "pdp_actions" USING btree ("goal_id");--> statement-breakpoint
CREATE INDEX "pdp_actions_due_idx" ON "pdp_actions" USING btree ("due_on");--> statement-breakpoint
CREATE INDEX "pdp_goals_pdp_idx" ON "pdp_goals" USING btree ("pdp_id","status");--> statement-breakpoint
CREATE INDEX "pdp_goals_target_idx" ON "pdp_goals" USING btree ("target_date");--> statement-breakpoint
CREATE INDEX "pdp_goals_source_objective_idx" ON "pdp_goals" USING btree ("source_objective_id") WHERE "pdp_goals"."source_objective_id" is not null;--> statement-breakpoint
CREATE INDEX "pdp_goals_source_step_idx" ON "pdp_goals" USING btree ("source_step_id") WHERE "pdp_goals"."source_step_id" is not null;--> statement-breakpoint
CREATE INDEX "pdp_notes_goal_idx" ON "pdp_notes" USING btree ("goal_id","created_at");--> statement-breakpoint
CREATE INDEX "pdp_reviews_pdp_idx" ON "pdp_reviews" USING btree ("pdp_id","reviewed_on");--> statement-breakpoint
CREATE INDEX "pdp_reviews_reviewed_idx" ON "pdp_reviews" USING btree ("reviewed_on");--> statement-breakpoint
CREATE INDEX "pdps_worker_idx" ON "pdps" USING btree ("worker_id","status");--> statement-breakpoint
CREATE INDEX "pdps_next_review_idx" ON "pdps" USING btree ("status","next_review_on");--> statement-breakpoint
CREATE UNIQUE INDEX "pdps_one_current_uq" ON "pdps" USING btree ("worker_id") WHERE "pdps"."status" <> 'closed';--> statement-breakpoint
CREATE INDEX "apprenticeship_options_standard_idx" ON "apprenticeship_options" USING btree ("standard_id");--> statement-breakpoint
CREATE INDEX "apprenticeship_reviews_idx" ON "apprenticeship_reviews" USING btree ("apprenticeship_id","reviewed_on");--> statement-breakpoint
CREATE UNIQUE INDEX "apprenticeship_standards_reference_uq" ON "apprenticeship_standards" USING btree ("reference");--> statement-breakpoint
CREATE INDEX "apprenticeship_status_changes_idx" ON "apprenticeship_status_changes" USING btree ("apprenticeship_id","effective_on");--> statement-breakpoint
CREATE INDEX "apprenticeships_worker_idx" ON "apprenticeships" USING btree ("worker_id","status");--> statement-breakpoint
CREATE INDEX "apprenticeships_status_idx" ON "apprenticeships" USING btree ("status","planned_end_date");--> statement-breakpoint
CREATE INDEX "apprenticeships_standard_idx" ON "apprenticeships" USING btree ("standard_id");--> statement-breakpoint
CREATE UNIQUE INDEX "gateway_checks_uq" ON "gateway_checks" USING btree ("apprenticeship_id","requirement_id");--> statement-breakpoint
CREATE INDEX "gateway_requirements_standard_idx" ON "gateway_requirements" USING btree ("standard_id");--> statement-breakpoint
CREATE INDEX "otj_logs_apprenticeship_idx" ON "otj_logs" USING btree ("apprenticeship_id","activity_on");--> statement-breakpoint
CREATE INDEX "cpd_activities_worker_idx" ON "cpd_activities" USING btree ("worker_id","activity_on","hours","learning","type");--> statement-breakpoint
CREATE INDEX "cpd_activities_date_idx" ON "cpd_activities" USING btree ("activity_on");--> statement-breakpoint
CREATE INDEX "delegated_tasks_worker_idx" ON "delegated_tasks" USING btree ("worker_id");--> statement-breakpoint
CREATE INDEX "delegated_tasks_review_idx" ON "delegated_tasks" USING btree ("ended_on","review_on");--> statement-breakpoint
CREATE INDEX "supervision_sessions_worker_idx" ON "supervision_sessions" USING btree ("worker_id","held_on");--> statement-breakpoint
CREATE INDEX "supervision_sessions_held_idx" ON "supervision_sessions" USING btree ("held_on");--> statement-breakpoint
CREATE INDEX "training_requests_worker_idx" ON "training_requests" USING btree ("worker_id","status");--> statement-breakpoint
CREATE INDEX "training_requests_status_idx" ON "training_requests" USING btree ("status","requested_at");--> statement-breakpoint
CREATE INDEX "audit_events_entity_idx" ON "audit_events" USING btree ("entity_type","entity_id");--> statement-breakpoint
CREATE INDEX "audit_events_worker_idx" ON "audit_events" USING btree ("worker_id");--> statement-breakpoint
CREATE INDEX "audit_events_actor_idx" ON "audit_events" USING btree ("actor_id");--> statement-breakpoint
CREATE INDEX "audit_events_at_idx" ON "audit_events" USING btree ("at");--> statement-breakpoint
CREATE UNIQUE INDEX "reminder_deliveries_uq" ON "reminder_deliveries" USING btree ("user_id","reminder_key");--> statement-breakpoint
CREATE INDEX "import_batches_uploader_idx" ON "import_batches" USING btree ("uploaded_by","created_at");--> statement-breakpoint
CREATE INDEX "import_batches_created_idx" ON "import_batches" USING btree ("created_at");--> statement-breakpoint
CREATE INDEX "import_rows_verdict_idx" ON "import_rows" USING btree ("batch_id","verdict","row_number");