// Text as typed, with its line breaks kept.
export function Multiline({ text }: { text: string }) {
  return <span className="whitespace-pre-line">{text}</span>;
}
