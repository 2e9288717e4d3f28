// A record laid out for A4: on paper, a running head (whose record, what it is, when printed) repeats on every page
// because it is a table header group, which browsers repeat across printed pages; on screen it is an ordinary page
// with a print button. Use on the dedicated /print routes.
import { PrintButton } from "./print-button";

export function PrintDocument({
  title,
  subject,
  printedOn,
  backHref,
  backLabel,
  children,
}: {
  /** What the document is, e.g. "Personal development plan 2026–27". */
  title: string;
  /** Whose record, e.g. "Chloe Mensah, Senior physiotherapy assistant, Acute Physiotherapy". */
  subject: string;
  /** Today's date, already formatted. */
  printedOn: string;
  backHref: string;
  backLabel: string;
  children: React.ReactNode;
}) {
  return (
    <>
      <div className="mb-6 flex flex-wrap items-center gap-4 no-print">
        <PrintButton />
        <a href={backHref}>{backLabel}</a>
      </div>
      <table role="presentation" className="print-frame">
        <thead>
          <tr>
            <td>
              <div className="print-running-head">
                <span>{subject}</span>
                <span>
                  {title} · printed {printedOn}
                </span>
              </div>
            </td>
          </tr>
        </thead>
        <tbody>
          <tr>
            <td>
              <p className="text-nhs-secondary">{subject}</p>
              <h1 className="mb-6">{title}</h1>
              {children}
            </td>
          </tr>
        </tbody>
      </table>
    </>
  );
}
