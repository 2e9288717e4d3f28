// Reading a workforce CSV and checking its rows: the pure half of the import (lib/csv.ts, lib/rules/worker-import/).
import { describe, expect, it } from "vitest";
import { csvCell, decodeCsvBytes, splitCsv, toCsv, unguardCell } from "@/lib/csv";
import { MAX_IMPORT_BYTES, MAX_IMPORT_ROWS, readWorkerCsv, readWorkerCsvText, type ReadRow } from "@/lib/rules/worker-import/read-file";
import { readDate, type ExistingWorker, type ImportContext } from "@/lib/rules/worker-import/check-row";
import { planImport, type PlannedRow } from "@/lib/rules/worker-import/plan";

const HEADER = "Employee number,First name,Last name,Job title,Profession,Band,FTE,Team,Care setting,Start date,Line manager email";
const ROW = "99000001,Amara,Okafor,Physiotherapy Assistant,Physiotherapy,3,0.8,Ward Team,Community,05/01/2026,boss@trust.nhs.uk";
const bytes = (text: string) => new TextEncoder().encode(text);

function readOk(text: string) {
  const result = readWorkerCsvText(text);
  if (!result.ok) throw new Error(`Expected the file to be read, got: ${result.message}`);
  return result;
}

function refusal(result: ReturnType<typeof readWorkerCsv>): string {
  if (result.ok) throw new Error("Expected the file to be refused");
  return result.message;
}

describe("reading the file", () => {
  it("reads a UTF-8 file with a byte-order mark, Windows line endings and quoted commas", () => {
    const text = `\ufeff${HEADER}\r\n99000001,"Okafor, Jr",Amara,"Assistant, ""Rehab""",Physiotherapy,3,0.8,Ward Team,,2026-01-05,\r\n`;
    const result = readWorkerCsv(bytes(text));
    expect(result.ok).toBe(true);
    if (!result.ok) return;
    expect(result.rows).toHaveLength(1);
    expect(result.rows[0]).toMatchObject({
      rowNumber: 2,
      problems: [],
      cells: { employeeNumber: "99000001", firstName: "Okafor, Jr", lastName: "Amara", jobTitle: 'Assistant, "Rehab"', careSetting: "", lineManagerEmail: "" },
    });
  });

  it("matches headings ignoring case, spaces and punctuation, and accepts the usual alternatives", () => {
    const header = "EMPLOYEE NUMBER,Forename,Surname,Job Title,profession,Pay band,WTE,Team name,Setting,Start Date,Line manager's email,Stage";
    const result = readOk(`${header}\n${ROW},Support worker\n`);
    expect(result.hasRoleColumn).toBe(true);
    expect(result.rows[0]?.cells).toMatchObject({ firstName: "Amara", lastName: "Okafor", band: "3", fte: "0.8", team: "Ward Team", role: "Support worker" });
    // No Role column: the note says how roles are worked out.
    expect(readOk(`${HEADER}\n${ROW}\n`).notes.join(" ")).toContain("follows their band");
  });

  it("reads semicolon-separated files (Excel in much of Europe) and Windows-1252 files (Excel's plain CSV)", () => {
    const semicolons = readOk(`${HEADER.replaceAll(",", ";")}\n${ROW.replaceAll(",", ";")}\n`);
    expect(semicolons.rows[0]?.cells.firstName).toBe("Amara");

    const latin1 = new Uint8Array([...bytes(`${HEADER}\n99000002,Ren`), 0xe9, ...bytes(`e,Dupont,PA,Physiotherapy,3,1,Ward Team,,2026-01-05,\n`)]);
    const result = readWorkerCsv(latin1);
    expect(result.ok && result.rows[0]?.cells.firstName).toBe("Renée");
    expect(result.ok && result.notes[0]).toContain("Windows-1252");
  });

  it("keeps rows numbered as a spreadsheet shows them, skipping blank lines", () => {
    const result = readOk(`${HEADER}\n${ROW}\n\n,,,,,,,,,,\n${ROW.replace("99000001", "99000002")}\n`);
    expect(result.rows.map((r) => r.rowNumber)).toEqual([2, 5]);
  });

  it("refuses an empty file, a file of blank lines and a header with no rows", () => {
    expect(refusal(readWorkerCsv(new Uint8Array()))).toBe("The file is empty. Choose the CSV file of your staff list.");
    expect(refusal(readWorkerCsv(bytes("\ufeff\r\n  \r\n")))).toBe("The file is empty. Choose the CSV file of your staff list.");
    expect(refusal(readWorkerCsv(bytes(`${HEADER}\r\n`)))).toBe("The file has a header row but no workers below it.");
  });

  it("refuses wrong columns, naming the missing ones and the ones it does not recognise", () => {
    const header = "Employee number,Frist name,Last name,Job title,Profession,Band,Hours,Team,Care setting,Start date,Line manager email";
    expect(refusal(readWorkerCsv(bytes(`${header}\n1,2,3\n`)))).toBe(
      "The file is missing the columns “First name” and “FTE”. Pathways does not recognise the columns “Frist name” and “Hours”. The first row must name the columns, as in the list on this page.",
    );
    expect(refusal(readWorkerCsv(bytes(`${HEADER},Surname\n${ROW},x\n`)))).toBe("The columns “Last name” and “Surname” both give the last name. Keep one of them.");
  });

  it("ignores other columns with a note, so an ESR export with more columns still imports", () => {
    const result = readOk(`${HEADER},Assignment category,Status\n${ROW},Permanent,In post\n`);
    expect(result.notes).toContain("These columns are not imported and were ignored: “Assignment category” and “Status”.");
    expect(result.rows[0]?.problems).toEqual([]);
  });

  it("refuses a file over 5 MB and one over 20,000 rows", () => {
    const big = new Uint8Array(20 * 1024 * 1024).fill(0x41);
    expect(refusal(readWorkerCsv(big))).toBe("The file is 20.0 MB. The largest file Pathways can import is 5.0 MB: split it into smaller files.");
    expect(refusal(readWorkerCsv(new Uint8Array(MAX_IMPORT_BYTES + 1).fill(0x41)))).toMatch(/^The file is 5\.0 MB/);

    const rows = Array.from({ length: MAX_IMPORT_ROWS + 1 }, (_, i) => `${i},a,b,c,d,3,1,t,,2024-01-01,`).join("\n");
    expect(refusal(readWorkerCsv(bytes(`${HEADER}\n${rows}\n`)))).toBe(
      "The file has 20,001 rows. Pathways imports up to 20,000 at a time: split it into smaller files.",
    );
  });

  it("refuses a workbook, binary data and a quote that is never closed, saying where", () => {
    expect(refusal(readWorkerCsv(new Uint8Array([0x50, 0x4b, 0x03, 0x04, 1, 2])))).toMatch(/^This is an Excel workbook, not a CSV file/);
    expect(refusal(readWorkerCsv(new Uint8Array([0x41, 0, 0x42])))).toMatch(/contains data that is not text/);
    expect(refusal(readWorkerCsv(bytes(`${HEADER}\n${ROW}\n99000002,"Amara,Okafor,PA\n${ROW}\n`)))).toBe(
      'Row 3 has a quotation mark (") that is never closed, so the rest of the file cannot be read. Check that row in the file.',
    );
  });

  it("flags a row with more or fewer cells than the header", () => {
    const result = readOk(`${HEADER}\n${ROW},extra\n99000002,Amara\n${ROW},,\n`);
    expect(result.rows.map((r) => r.problems)).toEqual([
      ["This row has 12 cells but the header row has 11: check for a comma inside a cell that is not in quotes."],
      ["This row has 2 cells but the header row has 11: check for a missing comma or a line break inside a cell."],
      [], // trailing empty cells are harmless
    ]);
  });

  it("reads UTF-16 text with its byte-order mark", () => {
    const text = `${HEADER}\n${ROW}\n`.replaceAll(",", "\t");
    const utf16 = new Uint8Array([0xff, 0xfe, ...new Uint8Array(Buffer.from(text, "utf16le"))]);
    expect(decodeCsvBytes(utf16)).toMatchObject({ ok: true, encoding: "utf-16le" });
    const result = readWorkerCsv(utf16);
    expect(result.ok && result.rows[0]?.cells.lastName).toBe("Okafor");
  });
});

describe("writing cells", () => {
  it("quotes what needs quoting and defuses spreadsheet formulas, and reading undoes the guard", () => {
    expect(csvCell('Say "hi", then go')).toBe('"Say ""hi"", then go"');
    expect(csvCell("two\nlines")).toBe('"two\nlines"');
    expect(csvCell("=HYPERLINK(\"http://x\")")).toBe('"\'=HYPERLINK(""http://x"")"');
    expect(csvCell("+44 1234")).toBe("'+44 1234");
    expect(csvCell("@SUM(A1)")).toBe("'@SUM(A1)");
    expect(csvCell("-1")).toBe("'-1");
    expect(csvCell(0.8)).toBe("0.8");
    expect(csvCell(null)).toBe("");
    expect(unguardCell("'=HYPERLINK(x)")).toBe("=HYPERLINK(x)");
    expect(unguardCell("'Brien")).toBe("'Brien");
    const file = toCsv([["a", "b"], ["=1+1", "x,y"]]);
    expect(file).toBe('\ufeffa,b\r\n\'=1+1,"x,y"\r\n');
    const back = splitCsv(file);
    expect(back.ok && back.rows.slice(0, 2).map((r) => r.map(unguardCell))).toEqual([["a", "b"], ["=1+1", "x,y"]]);
  });
});

describe("reading dates", () => {
  it.each([
    ["2024-03-27", "2024-03-27"],
    ["27/03/2024", "2024-03-27"],
    ["7/3/2024", "2024-03-07"],
    ["27.03.2024", "2024-03-27"],
    ["01-Apr-2022", "2022-04-01"],
    ["1 April 2022", "2022-04-01"],
    ["2024-03-27 00:00:00", "2024-03-27"],
  ])("reads %j as %s", (raw, iso) => {
    expect(readDate(raw)).toEqual({ iso });
  });
  it.each([
    ["31/02/2024", "not_real"],
    ["27/03/24", "two_digit_year"],
    ["03/27/2024", "not_real"],
    ["next Tuesday", "format"],
    ["2024/03/27", "format"],
  ])("refuses %j (%s)", (raw, problem) => {
    expect(readDate(raw)).toEqual({ problem });
  });
});

/* ------------------------------------------------------------------ checking rows against a register */

const ref = (id: string, code: string, name: string, retired = false) => ({ id, code, name, retired });

function existing(id: string, over: Partial<ExistingWorker["record"]> = {}, status: "in_post" | "left" = "in_post"): ExistingWorker {
  return {
    id,
    status,
    firstPositionEnd: null,
    userId: null,
    own: false,
    record: {
      employeeNumber: "99000010",
      firstName: "Kofi",
      lastName: "Mensah",
      jobTitle: "Physiotherapy Assistant",
      professionId: "p-physio",
      stageId: "s-sw",
      bandId: "b-3",
      careSettingId: null,
      teamId: "t-ward",
      lineManagerId: "m-boss",
      fte: 1,
      contractStart: "2020-04-01",
      ...over,
    },
  };
}

function context(over: Partial<ImportContext> = {}): ImportContext {
  const kofi = existing("w-kofi");
  const left = existing("w-left", { employeeNumber: "99000011" }, "left");
  return {
    today: "2026-11-22",
    professions: [ref("p-physio", "physio", "Physiotherapy"), ref("p-pod", "podiatry", "Podiatry (chiropody)"), ref("p-old", "old", "Retired profession", true)],
    bands: [ref("b-2", "2", "Band 2"), ref("b-3", "3", "Band 3"), ref("b-4", "4", "Band 4"), ref("b-5", "5", "Band 5"), ref("b-8a", "8a", "Band 8a")],
    careSettings: [ref("c-comm", "community", "Community")],
    stages: [
      ref("s-sw", "support_worker", "Support worker"),
      ref("s-ssw", "senior_support_worker", "Senior support worker"),
      ref("s-ap", "assistant_practitioner", "Assistant practitioner"),
    ],
    teams: [
      { id: "t-ward", name: "Ward Team", archived: false, manageable: true },
      { id: "t-other", name: "Speech and Language Therapy – Children's", archived: false, manageable: false },
      { id: "t-old", name: "Old Team", archived: true, manageable: true },
    ],
    managers: [
      { id: "m-boss", email: "boss@trust.nhs.uk", active: true },
      { id: "m-gone", email: "gone@trust.nhs.uk", active: false },
    ],
    employeeNumbersInUse: new Set(["99000010", "99000011", "99000099"]),
    editable: new Map([
      ["99000010", kofi],
      ["99000011", left],
    ]),
    ...over,
  };
}

const CELLS = {
  employeeNumber: "99000001",
  firstName: "Amara",
  lastName: "Okafor",
  jobTitle: "Physiotherapy Assistant",
  profession: "Physiotherapy",
  band: "3",
  fte: "0.8",
  team: "Ward Team",
  careSetting: "Community",
  contractStart: "05/01/2026",
  lineManagerEmail: "Boss@Trust.nhs.uk",
  role: "",
};

function plan(rows: Array<Partial<typeof CELLS>>, ctx = context()): PlannedRow[] {
  const read: ReadRow[] = rows.map((cells, i) => ({ rowNumber: i + 2, cells: { ...CELLS, ...cells }, problems: [] }));
  return planImport(read, ctx);
}

function problemsOf(cells: Partial<typeof CELLS>, ctx = context()): string[] {
  const [row] = plan([cells], ctx);
  return row?.verdict === "rejected" ? row.problems : [];
}

describe("checking a row", () => {
  it("creates a new worker, resolving names to ids and working the role out from the band", () => {
    const [row] = plan([{}]);
    expect(row).toMatchObject({
      verdict: "create",
      fields: {
        employeeNumber: "99000001",
        professionId: "p-physio",
        bandId: "b-3",
        stageId: "s-ssw",
        careSettingId: "c-comm",
        teamId: "t-ward",
        lineManagerId: "m-boss",
        fte: 0.8,
        contractStart: "2026-01-05",
      },
      summary: "Ward Team · Senior support worker · Band 3 · 0.8 FTE · from 5 January 2026",
    });
    expect(plan([{ band: "Band 2" }])[0]).toMatchObject({ fields: { stageId: "s-sw", bandId: "b-2" } });
    expect(plan([{ band: "AfC band 4" }])[0]).toMatchObject({ fields: { stageId: "s-ap", bandId: "b-4" } });
    expect(plan([{ band: "5", role: "support WORKER" }])[0]).toMatchObject({ fields: { stageId: "s-sw", bandId: "b-5" } });
    expect(plan([{ profession: "podiatry", careSetting: "", lineManagerEmail: "" }])[0]).toMatchObject({
      fields: { professionId: "p-pod", careSettingId: null, lineManagerId: null },
    });
  });

  it.each([
    ["0", "FTE 0 must be more than 0"],
    ["1.5", "FTE 1.5 must be 1 or less (1 is full time)"],
    ["abc", "FTE “abc” is not a number: use a number from 0.01 to 1, like 0.8"],
    ["-0.5", "FTE “-0.5” is not a number: use a number from 0.01 to 1, like 0.8"],
    ["0.001", "FTE 0.001 is too small: the smallest is 0.01"],
    ["", "FTE is empty"],
  ])("refuses an FTE of %j", (fte, message) => {
    expect(problemsOf({ fte })).toEqual([message]);
  });

  it("accepts 0,6 as 0.6", () => {
    expect(plan([{ fte: "0,6" }])[0]).toMatchObject({ verdict: "create", fields: { fte: 0.6 } });
  });

  it.each([
    ["2099-01-01", "Start date “2099-01-01” is more than a year from now"],
    ["31/02/2024", "Start date “31/02/2024” is not a real date"],
    ["12/31/2024", "Start date “12/31/2024” is not a real date"],
    ["1/1/24", "Start date “1/1/24” has a two-digit year: use four digits, like 27/03/2024"],
    ["31/12/1949", "Start date “31/12/1949” is before 1950"],
    ["soon", "Start date “soon” is not a date Pathways can read: use 27/03/2024 or 2024-03-27"],
    ["", "Start date is empty"],
  ])("refuses a start date of %j", (contractStart, message) => {
    expect(problemsOf({ contractStart })).toEqual([message]);
  });

  it("accepts a start date up to a year ahead", () => {
    expect(plan([{ contractStart: "22/11/2027" }])[0]?.verdict).toBe("create");
  });

  it("refuses unknown names with the value and what to use instead", () => {
    expect(
      problemsOf({ profession: "Physio therapy", band: "Band 10", careSetting: "Moon", team: "Nowhere", role: "Boss", lineManagerEmail: "nobody@trust.nhs.uk" }),
    ).toEqual([
      "Profession “Physio therapy” is not one Pathways knows: use a name from the list on the import page, like Physiotherapy",
      "Band “Band 10” is not an Agenda for Change band Pathways knows: use the number or name, like 3 or Band 3",
      "Care setting “Moon” is not one Pathways knows: use a name from the list on the import page",
      "Role “Boss” is not one Pathways knows: use a role from the list on the import page, like Support worker",
      "There is no team called “Nowhere”",
      "No manager in Pathways has the email “nobody@trust.nhs.uk”",
    ]);
    expect(problemsOf({ lineManagerEmail: "boss at trust" })).toEqual(["Line manager email “boss at trust” is not an email address"]);
    expect(problemsOf({ lineManagerEmail: "gone@trust.nhs.uk" })).toEqual(["The line manager “gone@trust.nhs.uk” no longer has an active Pathways login"]);
    expect(problemsOf({ profession: "Retired profession" })).toEqual(["Profession “Retired profession” is no longer in use"]);
  });

  it("refuses empty and overlong names and bad employee numbers", () => {
    expect(problemsOf({ firstName: "", lastName: "x".repeat(81), jobTitle: "" })).toEqual([
      "First name is empty",
      "Last name is longer than 80 characters",
      "Job title is empty",
    ]);
    expect(problemsOf({ employeeNumber: "" })).toEqual(["Employee number is empty"]);
    expect(problemsOf({ employeeNumber: "AB 12" })).toEqual(["Employee number “AB 12” can only contain letters, numbers and hyphens"]);
    expect(problemsOf({ employeeNumber: "1".repeat(21) })).toEqual(["Employee number “111111111111111111111” is longer than 20 characters"]);
    expect(problemsOf({ employeeNumber: "9.9E+07" })).toEqual([
      "Employee number “9.9E+07” looks like a spreadsheet turned it into a number: format the column as text and save the file again",
    ]);
  });

  it("cuts a malformed cell short in what it shows", () => {
    const [row] = plan([{ firstName: "x".repeat(5000), employeeNumber: "9".repeat(500) }]);
    expect(row?.name.length).toBeLessThanOrEqual(161);
    expect(row?.employeeNumber).toBe(`${"9".repeat(40)}…`);
    expect(row?.verdict === "rejected" && row.problems).toEqual([
      `Employee number “${"9".repeat(40)}…” is longer than 20 characters`,
      "First name is longer than 80 characters",
    ]);
  });

  it("cannot work out a role without a band, or from a band that names none", () => {
    expect(problemsOf({ band: "" })).toEqual(["Role is empty, and there is no band to work it out from: give a role, like Support worker, in a Role column"]);
    expect(problemsOf({ band: "8a" })).toEqual(["Role is empty, and Band 8a does not say which role it is: give a role, like Support worker, in a Role column"]);
  });

  it("refuses every row of a repeated employee number, naming the other rows", () => {
    const rows = plan([{}, { employeeNumber: "99000002" }, { firstName: "Again" }, { employeeNumber: "99000001" }]);
    expect(rows.map((r) => r.verdict)).toEqual(["rejected", "create", "rejected", "rejected"]);
    expect(rows[0]?.verdict === "rejected" && rows[0].problems).toEqual(["Employee number 99000001 is also on rows 4 and 5"]);
    expect(rows[3]?.verdict === "rejected" && rows[3].problems).toEqual(["Employee number 99000001 is also on rows 2 and 4"]);
  });

  it("keeps a manager to their own teams, and says nothing about a worker they may not edit", () => {
    expect(problemsOf({ team: "speech and language therapy - children's" })).toEqual(["You do not manage team “Speech and Language Therapy – Children's”"]);
    expect(problemsOf({ team: "Old Team" })).toEqual(["Team “Old Team” is archived"]);
    expect(problemsOf({ employeeNumber: "99000099", firstName: "Changed" })).toEqual(["Employee number 99000099 belongs to a worker outside your teams"]);
  });
});

describe("matching rows to workers", () => {
  const kofi = { employeeNumber: "99000010", firstName: "Kofi", lastName: "Mensah", band: "Band 3", fte: "1", careSetting: "", contractStart: "2020-04-01" };

  it("calls a row that equals the record unchanged, even without a role and with the number in other case", () => {
    expect(plan([kofi])[0]).toMatchObject({ verdict: "unchanged", workerId: "w-kofi" });
    const ctx = context();
    ctx.editable = new Map([["ab-10", existing("w-ab", { employeeNumber: "AB-10" })]]);
    ctx.employeeNumbersInUse = new Set(["ab-10"]);
    expect(plan([{ ...kofi, employeeNumber: "ab-10" }], ctx)[0]).toMatchObject({ verdict: "unchanged", workerId: "w-ab" });
  });

  it("lists what would change, by name", () => {
    const [row] = plan([{ ...kofi, band: "4", fte: "0.5", lineManagerEmail: "", role: "Assistant practitioner" }]);
    expect(row).toMatchObject({
      verdict: "update",
      workerId: "w-kofi",
      changes: [
        { field: "stageId", label: "Role", from: "Support worker", to: "Assistant practitioner" },
        { field: "bandId", label: "Band", from: "Band 3", to: "Band 4" },
        { field: "lineManagerId", label: "Line manager", from: "boss@trust.nhs.uk", to: "none" },
        { field: "fte", label: "FTE", from: "1", to: "0.5" },
      ],
    });
  });

  it("lets a manager keep a worker in a team they do not manage, but not move one into it", () => {
    const ctx = context();
    ctx.editable = new Map([["99000010", existing("w-kofi", { teamId: "t-other" })]]);
    expect(plan([{ ...kofi, team: "Speech and Language Therapy – Children's", fte: "0.9" }], ctx)[0]?.verdict).toBe("update");
    expect(problemsOf({ ...kofi, team: "Speech and Language Therapy – Children's" })).toEqual([
      "You do not manage team “Speech and Language Therapy – Children's”",
    ]);
  });

  it("allows a retired value or a former manager where the worker already has them", () => {
    const ctx = context();
    ctx.editable = new Map([["99000010", existing("w-kofi", { professionId: "p-old", lineManagerId: "m-gone" })]]);
    expect(plan([{ ...kofi, profession: "Retired profession", lineManagerEmail: "gone@trust.nhs.uk" }], ctx)[0]?.verdict).toBe("unchanged");
  });

  it("refuses the importer's own record, and a worker made their own line manager", () => {
    const ctx = context();
    ctx.editable = new Map([["99000010", { ...existing("w-kofi"), userId: "m-boss", own: true }]]);
    expect(problemsOf({ ...kofi, fte: "0.5" }, ctx)).toEqual(["Employee number 99000010 is your own record: another manager or an administrator changes it"]);
    // Kofi has a login of his own, which is also a manager's: it cannot be his line manager.
    const self = context();
    self.editable = new Map([["99000010", { ...existing("w-kofi", { lineManagerId: null }), userId: "m-boss" }]]);
    expect(problemsOf({ ...kofi, lineManagerEmail: "boss@trust.nhs.uk" }, self)).toEqual(["“boss@trust.nhs.uk” is this worker's own login: nobody is their own line manager"]);
    expect(plan([{ ...kofi, lineManagerEmail: "" }], self)[0]?.verdict).toBe("unchanged");
  });

  it("refuses changes to a leaver, and a start date moved past their next position", () => {
    expect(problemsOf({ ...kofi, employeeNumber: "99000011", fte: "0.5" })).toEqual([
      "Employee number 99000011 belongs to a worker who has left: their record cannot be changed by an import",
    ]);
    expect(plan([{ ...kofi, employeeNumber: "99000011" }])[0]?.verdict).toBe("unchanged");
    const ctx = context();
    ctx.editable = new Map([["99000010", { ...existing("w-kofi"), firstPositionEnd: "2022-01-01" }]]);
    expect(problemsOf({ ...kofi, contractStart: "2023-01-01" }, ctx)).toEqual([
      "Start date cannot move to 1 January 2023: their next position began on 1 January 2022",
    ]);
    expect(plan([{ ...kofi, contractStart: "2021-01-01" }], ctx)[0]?.verdict).toBe("update");
  });
});
