"use client";
// The forms on a competency statement's page: the worker's self-assessment, evidence (the worker or their manager),
// the manager's sign-off with the assessor's registration, and reopening a sign-off with a reason.
// On error each comes back with what was typed; on success the page shows the change.
import { ErrorSummary } from "@/components/forms/error-summary";
import { TextField } from "@/components/forms/text-field";
import { TextareaField } from "@/components/forms/textarea-field";
import { RadiosField } from "@/components/forms/radios-field";
import { SubmitButton } from "@/components/forms/submit-button";
import { useFormAction, type FormAction, type FormState } from "@/components/forms/use-form-action";
import { SignatureButtons, SignatureField } from "@/components/forms/signature-field";
import type { Signer } from "@/lib/rules/signature";
import { EVIDENCE_TYPES, evidenceTypeWords } from "@/lib/vocabulary";
import { CONFIDENCE_LEVELS, confidenceWords } from "@/lib/rules/competencies";
import { DateField } from "@/components/forms/date-field";
import { LONG_TEXT_MAX, NOTE_MAX, REASON_MAX } from "@/lib/forms/limits";

function Outcome({ state }: { state: FormState }) {
  return (
    <p role="status" className="mt-2 font-semibold">
      {state.ok ? state.message : ""}
    </p>
  );
}

function Summary({ state }: { state: FormState }) {
  const e = state.fieldErrors;
  return <ErrorSummary errors={e} message={state.ok === false && !e ? state.message : undefined} />;
}

export function SelfAssessmentForm({ action, confidence, note }: { action: FormAction; confidence: number | null; note: string }) {
  const { state, formProps, key, values: v, errors: e } = useFormAction(action, { defaults: { confidence: confidence ? String(confidence) : "", note } });
  return (
    <form {...formProps} noValidate key={key}>
      <Summary state={state} />
      <RadiosField
        name="confidence"
        legend="How confident are you?"
        options={CONFIDENCE_LEVELS.map((n) => [String(n), confidenceWords[n]!] as const)}
        value={v.confidence}
        error={e?.confidence}
      />
      <TextareaField maxChars={NOTE_MAX}
        name="note"
        label="Your note (optional)"
        hint="What you can already do, and what would help you get there"
        rows={3}
        defaultValue={v.note}
        error={e?.note}
      />
      <SubmitButton pendingText="Saving…">Save my self-assessment</SubmitButton>
      <Outcome state={state} />
    </form>
  );
}

export function EvidenceForm({ action, today }: { action: FormAction; today: string }) {
  const { state, formProps, key, values: v, errors: e } = useFormAction(action);
  return (
    <form {...formProps} noValidate key={key}>
      <Summary state={state} />
      <RadiosField
        name="type"
        legend="Type of evidence"
        options={EVIDENCE_TYPES.map((t) => [t, evidenceTypeWords.label(t)] as const)}
        value={v.type}
        error={e?.type}
      />
      <DateField name="evidenceDate" label="Date" values={v} defaultValue={today} error={e?.evidenceDate} />
      <TextareaField maxChars={LONG_TEXT_MAX}
        name="description"
        label="Description"
        hint="What was observed, discussed or produced, and how it shows the competency"
        rows={4}
        defaultValue={v.description}
        error={e?.description}
      />
      <TextField
        name="link"
        label="Link (optional)"
        hint="For example a certificate in the trust's learning system, starting with https:// or www."
        type="url"
        inputMode="url"
        defaultValue={v.link}
        error={e?.link}
        autoComplete="off"
      />
      <SubmitButton pendingText="Adding…">Add the evidence</SubmitButton>
      <Outcome state={state} />
    </form>
  );
}

export function SignOffForm({
  action,
  today,
  defaults,
  signer,
  signOnAgain,
}: {
  action: FormAction;
  today: string;
  defaults: { assessorName: string; assessorProfession: string; assessorRegistration: string };
  signer: Signer;
  signOnAgain: (form: FormData) => Promise<void>;
}) {
  const { state, formProps, key, values: v, errors: e } = useFormAction(action, { defaults: { ...defaults, signedOffOn: today } });
  return (
    <form {...formProps} noValidate key={key}>
      <Summary state={state} />
      <p className="mb-4">The assessor is the registered professional who judged the worker competent: often you, or someone you name.</p>
      <div className="grid gap-x-6 sm:grid-cols-2">
        <TextField name="assessorName" label="Assessor's name" defaultValue={v.assessorName} error={e?.assessorName} autoComplete="off" />
        <TextField
          name="assessorProfession"
          label="Assessor's profession"
          hint="For example: Physiotherapist"
          defaultValue={v.assessorProfession}
          error={e?.assessorProfession}
        />
      </div>
      <div className="grid gap-x-6 sm:grid-cols-2">
        <TextField
          name="assessorRegistration"
          label="Registration number"
          hint="Their HCPC (or other regulator's) number, for example PH123456"
          defaultValue={v.assessorRegistration}
          error={e?.assessorRegistration}
          autoComplete="off"
        />
        <DateField name="signedOffOn" label="Date of the sign-off" values={v} error={e?.signedOffOn} />
      </div>
      <SignatureField signer={signer} error={e?.password} />
      <SignatureButtons signer={signer} signOnAgain={signOnAgain} pendingText="Signing off…">
        Sign off this competency
      </SignatureButtons>
      <Outcome state={state} />
    </form>
  );
}

export function ReopenForm({ action }: { action: FormAction }) {
  const { state, formProps, key, values: v, errors: e } = useFormAction(action);
  return (
    <details open={state.ok === false ? true : undefined}>
      <summary className="cursor-pointer font-semibold text-nhs-blue">Reopen this sign-off</summary>
      <form {...formProps} noValidate key={key} className="mt-3">
        <Summary state={state} />
        <TextareaField maxChars={REASON_MAX}
          name="reason"
          label="Why is it being reopened?"
          hint="For example: signed off against the wrong statement, or practice has changed. The reason is kept on the record."
          rows={2}
          defaultValue={v.reason}
          error={e?.reason}
        />
        <SubmitButton pendingText="Reopening…" className="btn-secondary">
          Reopen the sign-off
        </SubmitButton>
      </form>
      <Outcome state={state} />
    </details>
  );
}
