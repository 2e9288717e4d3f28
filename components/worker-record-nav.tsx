// The tabs across a worker's record: profile, PDP, appraisals, career conversations. Server-rendered; the page
// says which one it is. Each feature of the record adds its tab here. On a phone they fold into one line (TabNav).
import { TabNav } from "./tab-nav";

export type WorkerRecordTab = "profile" | "pdp" | "appraisals" | "conversations" | "competencies" | "supervision" | "cpd" | "mandatory" | "apprenticeship";

const TABS: { key: WorkerRecordTab; label: string; path: string }[] = [
  { key: "profile", label: "Profile", path: "" },
  { key: "pdp", label: "PDP", path: "/pdp" },
  { key: "appraisals", label: "Appraisals", path: "/appraisals" },
  { key: "conversations", label: "Career conversations", path: "/conversations" },
  { key: "competencies", label: "Competencies", path: "/competencies" },
  { key: "supervision", label: "Supervision and delegation", path: "/supervision" },
  { key: "cpd", label: "CPD and training", path: "/cpd" },
  { key: "mandatory", label: "Mandatory training", path: "/mandatory-training" },
  { key: "apprenticeship", label: "Apprenticeship", path: "/apprenticeship" },
];

export function WorkerRecordNav({ workerId, current, phoneSummary }: { workerId: string; current: WorkerRecordTab; phoneSummary: string }) {
  return (
    <TabNav
      label="Worker record"
      current={current}
      phoneSummary={phoneSummary}
      tabs={TABS.map((t) => ({ key: t.key, label: t.label, href: `/workers/${workerId}${t.path}` }))}
    />
  );
}

/** The heading of every page in a worker's record: team, name, job title, then the tabs. */
export function WorkerRecordHeader({
  worker,
  current,
  title,
}: {
  /** `isOwn`: the viewer's own record (from the data layer), spoken of as "my record". */
  worker: { id: string; firstName: string; lastName: string; jobTitle: string; teamName: string; isOwn?: boolean };
  current: WorkerRecordTab;
  /** The page's own heading (e.g. "Personal development plan"); the profile uses the worker's name instead. */
  title?: string;
}) {
  const name = `${worker.firstName} ${worker.lastName}`;
  return (
    <>
      <p className="text-nhs-secondary">
        {title ? `${name} · ${worker.jobTitle}` : worker.teamName}
      </p>
      <h1 className="mb-4">{title ?? name}</h1>
      <WorkerRecordNav workerId={worker.id} current={current} phoneSummary={worker.isOwn ? "Sections of my record" : `Sections of ${worker.firstName}'s record`} />
    </>
  );
}
