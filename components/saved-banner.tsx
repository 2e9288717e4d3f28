// The confirmation at the top of a page after a change was saved and the page reloaded (?saved=...).
export function SavedBanner({ message }: { message: string | undefined }) {
  if (!message) return null;
  return (
    <p role="status" className="mb-4 border-l-8 border-nhs-green bg-white p-3 font-semibold">
      {message}
    </p>
  );
}
