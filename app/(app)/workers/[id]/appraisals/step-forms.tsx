"use client";
// The small forms around an appraisal: booking one and moving it to another date, and the single steps (start, sign
// off, sign as appraiser, send back, reopen, cancel, objectives into the PDP), each a button with at most one text field. Errors come back with what was typed.
import { ErrorSummary } from "@/components/forms/error-summary";
import { DateField } from "@/components/forms/date-field";
import { SelectField } from "@/components/forms/select-field";
import { FieldShell, describedBy } from "@/components/forms/field-shell";
import { SubmitButton } from "@/components/forms/submit-button";
import { useFormAction, type FormAction as Action } from "@/components/forms/use-form-action";
import { SignatureButtons, SignatureField } from "@/components/forms/signature-field";
import type { Signer } from "@/lib/rules/signature";

export function ScheduleForm({
  action,
  appraisers,
  defaultAppraiserId,
  suggestedDate,
}: {
  action: Action;
  appraisers: ReadonlyArray<readonly [string, string]>;
  defaultAppraiserId: string;
  suggestedDate: string;
}) {
  const { formProps, key, values: v, errors: e, summary } = useFormAction(action, { defaults: { scheduledFor: suggestedDate, appraiserId: defaultAppraiserId } });
  return (
    <form {...formProps} noValidate key={key}>
      <ErrorSummary {...summary} />
      <DateField name="scheduledFor" label="Appraisal date" hint="Within the next 18 months" values={v} error={e?.scheduledFor} />
      <SelectField name="appraiserId" label="Appraiser" options={appraisers} placeholder="Select the appraiser" defaultValue={v.appraiserId} error={e?.appraiserId} />
      <SubmitButton pendingText="Booking…">Schedule the appraisal</SubmitButton>
    </form>
  );
}

/** Moves a booked appraisal: the new date and the reason. The reason's id is the page's own ("reschedule-reason"). */
export function RescheduleForm({ action, bookedFor }: { action: Action; bookedFor: string }) {
  const { state, formProps, key, values: v, errors: e } = useFormAction(action);
  const reasonId = "reschedule-reason";
  const errors = e?.reason ? { ...Object.fromEntries(Object.entries(e).filter(([k]) => k !== "reason")), [reasonId]: e.reason } : e;
  return (
    <form {...formProps} noValidate key={key}>
      <ErrorSummary errors={errors} message={state.ok === false && !errors ? state.message : undefined} />
      <DateField name="scheduledFor" label="New date" hint={`Booked for ${bookedFor} now. Within the next 18 months.`} values={v} error={e?.scheduledFor} />
      <StepTextarea id={reasonId} field={{ name: "reason", label: "Reason for moving it" }} defaultValue={v.reason} error={errors?.[reasonId]} />
      <SubmitButton pendingText="Moving…" className="btn-secondary">
        Move the appraisal
      </SubmitButton>
    </form>
  );
}

export type StepField = { name: string; label: string; hint?: string; rows?: number };

/**
 * One step as a form: an optional text box (a reason or comments) and a button. `id` keeps field ids unique when
 * two step forms with a "reason" share a page. A signature (`signature`) also asks the signer to prove it is them.
 */
export function StepForm({
  action,
  button,
  pendingText,
  field,
  id,
  secondary,
  signature,
}: {
  action: Action;
  button: string;
  pendingText?: string;
  field?: StepField;
  id: string;
  secondary?: boolean;
  signature?: { signer: Signer; signOnAgain: (form: FormData) => Promise<void> };
}) {
  const { state, formProps, key, values: v, errors: e } = useFormAction(action);
  // Field ids must be unique on the page; the submitted name stays what the action reads.
  const fieldId = field ? `${id}-${field.name}` : "";
  const errors = e && field && e[field.name] ? { [fieldId]: e[field.name]! } : e;
  return (
    <form {...formProps} noValidate key={key} className="mb-2">
      <ErrorSummary errors={errors} message={state.ok === false && !errors ? state.message : undefined} />
      {state.ok && state.message ? (
        <p role="status" className="mb-4 border-l-8 border-nhs-green bg-white p-3 font-semibold">
          {state.message}
        </p>
      ) : null}
      {/* Someone who must sign on again first does that before typing anything a redirect would lose. */}
      {field && signature?.signer.proof !== "sign_on_again" ? (
        <StepTextarea id={fieldId} field={field} defaultValue={v[field.name]} error={errors?.[fieldId]} />
      ) : null}
      {signature ? (
        <>
          <SignatureField signer={signature.signer} error={e?.password} />
          <SignatureButtons signer={signature.signer} signOnAgain={signature.signOnAgain} pendingText={pendingText}>
            {button}
          </SignatureButtons>
        </>
      ) : (
        <SubmitButton pendingText={pendingText} className={secondary ? "btn-secondary" : undefined}>
          {button}
        </SubmitButton>
      )}
    </form>
  );
}

function StepTextarea({ id, field, defaultValue, error }: { id: string; field: StepField; defaultValue?: string; error?: string }) {
  // The label, hint and error hang off the page-unique id; the control is submitted under the name the action reads.
  return (
    <FieldShell name={id} label={field.label} hint={field.hint} error={error}>
      <textarea
        id={id}
        name={field.name}
        rows={field.rows ?? 3}
        defaultValue={defaultValue}
        aria-invalid={error ? true : undefined}
        aria-describedby={describedBy(id, field.hint, error)}
        className="input"
      />
    </FieldShell>
  );
}
