// Pressing Enter in a text box submits the form through its first submit button. A form whose first visible button
// is a secondary one ("Add another step") starts with this hidden button instead, so that Enter saves.
export function DefaultSubmit({ name, value }: { name?: string; value?: string }) {
  return <button type="submit" name={name} value={value} hidden tabIndex={-1} aria-hidden="true" />;
}
