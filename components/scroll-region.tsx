// A wide table's container: scrolls sideways on a phone, and can be focused so keyboard users can scroll it too.
// "relative" keeps screen-reader-only (absolutely positioned) text inside it from widening the page.
export function ScrollRegion({ label, children }: { label: string; children: React.ReactNode }) {
  return (
    <div role="region" aria-label={label} tabIndex={0} className="relative overflow-x-auto">
      {children}
    </div>
  );
}
