import type { Metadata } from "next";
import Link from "@/components/link";
import { requireRole } from "@/lib/auth";
import { IMPORT_COLUMNS, type ImportColumn } from "@/lib/rules/worker-import/columns";
import { MAX_IMPORT_BYTES, MAX_IMPORT_ROWS } from "@/lib/rules/worker-import/read-file";
import { teamOptions, professionOptions, stageOptions, bandOptions, careSettingOptions, type Option } from "@/db/queries/reference";
import { UploadForm } from "@/components/csv-upload-form";

export const metadata: Metadata = { title: "Import workers from a CSV file" };

const EXPORT_HREF = "/workers/export";

const WHAT_GOES_IN: Record<ImportColumn, string> = {
  employeeNumber: "Up to 20 letters, numbers and hyphens. Rows are matched to workers already in Pathways by this number.",
  firstName: "",
  lastName: "",
  jobTitle: "",
  profession: "A profession from the list below, like Physiotherapy.",
  band: "An Agenda for Change band, like 3 or Band 3. May be empty.",
  fte: "From 0.01 to 1, like 0.8 (1 is full time). 0,8 works too.",
  team: "A team's name, as in Pathways.",
  careSetting: "A care setting from the list below, like Community. May be empty.",
  contractStart: "Like 27/03/2024 (day first) or 2024-03-27. Not before 1950, nor more than a year from now.",
  lineManagerEmail: "The email address a manager signs in to Pathways with. May be empty.",
  role: "Optional column, like Support worker. Without it a new worker's role follows their band (2 support worker, 3 senior support worker, 4 assistant practitioner) and a worker already in Pathways keeps theirs.",
};

function ValueList({ title, options }: { title: string; options: Option[] }) {
  return (
    <div>
      <h3 className="mb-1 text-base">{title}</h3>
      {options.length === 0 ? (
        <p className="text-nhs-secondary">None</p>
      ) : (
        <ul className="list-disc pl-6">
          {options.map(([id, name]) => (
            <li key={id}>{name}</li>
          ))}
        </ul>
      )}
    </div>
  );
}

export default async function ImportWorkersPage({ searchParams }: { searchParams: Promise<{ refused?: string }> }) {
  const user = await requireRole("manager", "admin");
  const refused = (await searchParams).refused === "1";
  const columns = Object.keys(IMPORT_COLUMNS) as ImportColumn[];

  return (
    <div className="max-w-4xl">
      <p className="mb-2">
        <Link href="/workers">Back to workers</Link>
      </p>
      <h1 className="mb-4">Import workers from a CSV file</h1>
      <p className="mb-2">
        Upload a staff list saved as CSV, such as an export from ESR. Pathways checks every row and shows you what it would add or change. Nothing is saved until you
        confirm.
      </p>
      <p className="mb-6">
        Workers already in Pathways are matched by employee number, so you can fix a file and import it again: rows that match the record change nothing.{" "}
        {user.role === "manager" ? "You can import workers into the teams you manage." : null}
      </p>

      {refused ? (
        <div role="alert" className="mb-6 border-4 border-nhs-red bg-white p-4">
          <h2 className="text-xl">The file could not be imported</h2>
          <p className="mt-2">Check that it is a CSV file of up to 5 MB whose first row names the columns below, then upload it again.</p>
        </div>
      ) : null}

      <div className="card mb-8">
        <UploadForm maxBytes={MAX_IMPORT_BYTES} uploadUrl="/workers/import/upload" resultPrefix="/workers/import/" emptyMessage="The file is empty. Choose the CSV file of your staff list." />
      </div>

      <h2 className="mb-2">The columns</h2>
      <p className="mb-4">
        The first row names the columns, in any order. Capitals, spaces and punctuation in the names do not matter. Other columns are ignored. An empty band, care
        setting or line manager email clears it on a worker already in Pathways. Up to {MAX_IMPORT_ROWS.toLocaleString("en-GB")} rows at a time.
      </p>
      <dl className="mb-6 divide-y divide-nhs-grey-4 border-y border-nhs-grey-4 bg-white">
        {columns.map((c) => {
          const col = IMPORT_COLUMNS[c];
          return (
            <div key={c} className="grid gap-1 px-3 py-3 sm:grid-cols-[16rem_1fr] sm:gap-4">
              <dt>
                <span className="font-semibold">{col.heading}</span>
                {col.aliases.length > 0 ? <span className="block text-sm text-nhs-secondary">or {col.aliases.join(", ")}</span> : null}
              </dt>
              <dd>{WHAT_GOES_IN[c]}</dd>
            </div>
          );
        })}
      </dl>
      <p className="mb-4">
        Tip:{" "}
        {/* A plain link: next/link would prefetch the export, and each export is an audited download. */}
        <a href={EXPORT_HREF} download>
          download the workers list as CSV
        </a>
        . It has these columns, so you can edit it and import it back.
      </p>

      <details className="card">
        <summary className="cursor-pointer font-semibold text-nhs-blue">Names Pathways recognises</summary>
        <div className="mt-4 grid gap-6 sm:grid-cols-2">
          <ValueList title={user.role === "manager" ? "Your teams" : "Teams"} options={await teamOptions(user)} />
          <ValueList title="Professions" options={await professionOptions()} />
          <ValueList title="Roles" options={await stageOptions()} />
          <ValueList title="Bands" options={await bandOptions()} />
          <ValueList title="Care settings" options={await careSettingOptions()} />
        </div>
      </details>
    </div>
  );
}
