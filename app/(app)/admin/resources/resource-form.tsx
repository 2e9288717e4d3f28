"use client";
// Adding or changing an entry in the resources hub.
import { ErrorSummary } from "@/components/forms/error-summary";
import { TextField } from "@/components/forms/text-field";
import { SelectField } from "@/components/forms/select-field";
import { TextareaField } from "@/components/forms/textarea-field";
import { SubmitButton } from "@/components/forms/submit-button";
import { useFormAction, type FormAction } from "@/components/forms/use-form-action";
import { resourceTypeWords } from "@/lib/forms/resource";
import { NOTE_MAX, TITLE_MAX } from "@/lib/forms/limits";

const TYPE_OPTIONS = resourceTypeWords.values.map((t) => [t, resourceTypeWords.label(t)] as const);

export function ResourceForm({
  action,
  defaults,
  professions,
  mode,
}: {
  action: FormAction;
  defaults: Record<string, string>;
  professions: ReadonlyArray<readonly [string, string]>;
  mode: "create" | "edit";
}) {
  const { formProps, key, values: v, errors: e, summary } = useFormAction(action, { defaults });
  return (
    <form {...formProps} noValidate key={key}>
      <ErrorSummary {...summary} />
      <TextField name="title" label="Title" hint="What a support worker will recognise, like RCSLT support worker hub" defaultValue={v.title} error={e?.title} autoComplete="off" maxChars={TITLE_MAX} />
      <TextField
        name="url"
        label="Web address"
        hint="The full address, starting with https://. Link to the organisation's own page."
        type="url"
        inputMode="url"
        defaultValue={v.url}
        error={e?.url}
        autoComplete="off"
        spellCheck={false}
      />
      <SelectField name="type" label="Kind of resource" options={TYPE_OPTIONS} placeholder="Select a kind" defaultValue={v.type} error={e?.type} className="max-w-md" />
      <SelectField
        name="professionId"
        label="Profession"
        hint="Support workers in this profession see it first. Leave as everyone for resources that apply to all."
        options={professions}
        placeholder="For everyone"
        defaultValue={v.professionId}
        error={e?.professionId}
        className="max-w-md"
      />
      <TextareaField maxChars={NOTE_MAX}
        name="body"
        label="Description (optional)"
        hint="One to three plain sentences on what a support worker will find there."
        defaultValue={v.body}
        error={e?.body}
        rows={5}
      />
      <SubmitButton pendingText="Saving…">{mode === "create" ? "Add resource" : "Save changes"}</SubmitButton>
    </form>
  );
}
