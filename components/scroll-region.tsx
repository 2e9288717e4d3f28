// A wide table's container: scrolls sideways on a phone, and can be focused so keyboard users can scroll it too.
export function ScrollRegion({ label, children }: { label: string; children: React.ReactNode }) {
  return (
    <div role="region" aria-label={label} tabIndex={0} className="overflow-x-auto">
      {children}
    </div>
  );
}
