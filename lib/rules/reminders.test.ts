import { describe, expect, it } from "vitest";
import {
  apprenticeshipReminders,
  appraisalReminder,
  compareReminders,
  competencyReminder,
  delegationReminder,
  inboxOrder,
  pdpReviewReminder,
  reminderKey,
  trainingRequestReminder,
  urgencyOf,
  notYetSent,
  digestEmail,
} from "./reminders";

const TODAY = "2026-12-01";
const amy = { workerId: "w-amy", workerName: "Amy Able" };
const ben = { workerId: "w-ben", workerName: "Ben Bell" };

describe("how urgent a date is", () => {
  it("is overdue once the day has passed, due soon up to 30 days ahead, and nothing beyond", () => {
    expect(urgencyOf("2026-11-30", TODAY)).toBe("overdue");
    expect(urgencyOf(TODAY, TODAY)).toBe("due_soon");
    expect(urgencyOf("2026-12-31", TODAY)).toBe("due_soon");
    expect(urgencyOf("2027-01-01", TODAY)).toBeNull();
  });
});

describe("the reminder key", () => {
  it("names the kind, the worker, what it is about and the due date, so a later email job can send it once", () => {
    expect(reminderKey("appraisal_due", "w1", null, "2026-12-10")).toBe("appraisal_due:w1:2026-12-10");
    expect(reminderKey("otj_hours_behind", "w1", "a1", null)).toBe("otj_hours_behind:w1:a1:now");
  });

  it("stays the same as a reminder goes from due soon to overdue, and changes when the due date moves", () => {
    const c = { contractStart: "2022-04-01", lastAppraisalOn: "2025-12-10" };
    const soon = appraisalReminder({ ...amy, ...c }, TODAY)!;
    const late = appraisalReminder({ ...amy, ...c }, "2026-12-20")!;
    expect([soon.urgency, late.urgency]).toEqual(["due_soon", "overdue"]);
    expect(late.key).toBe(soon.key);
    const after = appraisalReminder({ ...amy, contractStart: "2022-04-01", lastAppraisalOn: "2025-12-20" }, TODAY)!;
    expect(after.key).not.toBe(soon.key);
  });
});

describe("what makes a reminder", () => {
  it("an appraisal due within 30 days or overdue, a new starter's counted from their start", () => {
    expect(appraisalReminder({ ...amy, contractStart: "2022-04-01", lastAppraisalOn: null }, TODAY)).toMatchObject({
      kind: "appraisal_due",
      dueOn: "2023-04-01",
      urgency: "overdue",
      key: "appraisal_due:w-amy:2023-04-01",
      href: "/workers/w-amy/appraisals",
    });
    expect(appraisalReminder({ ...amy, contractStart: "2026-06-01", lastAppraisalOn: null }, TODAY)).toBeNull();
  });

  it("a PDP review only when there is a current PDP with a review date that is near or past", () => {
    expect(pdpReviewReminder({ ...amy, pdpId: "p1", pdpNextReviewOn: "2026-12-15" }, TODAY)).toMatchObject({ urgency: "due_soon", href: "/workers/w-amy/pdp" });
    expect(pdpReviewReminder({ ...amy, pdpId: "p1", pdpNextReviewOn: "2027-03-01" }, TODAY)).toBeNull();
    expect(pdpReviewReminder({ ...amy, pdpId: "p1", pdpNextReviewOn: null }, TODAY)).toBeNull();
    expect(pdpReviewReminder({ ...amy, pdpId: null, pdpNextReviewOn: "2026-11-01" }, TODAY)).toBeNull();
  });

  it("an apprenticeship review due soon or overdue, and hours behind (amber due soon, red overdue)", () => {
    const review = (status: "in_time" | "due_soon" | "overdue") => ({ dueOn: "2026-12-05", from: "start" as const, status, daysLeft: 4 });
    const behind = [{ kind: "otj_behind" as const, message: "" }];
    const both = apprenticeshipReminders({ ...amy, apprenticeshipId: "a1", track: { review: review("due_soon"), risks: behind, rag: "red" } });
    expect(both.map((r) => [r.kind, r.urgency, r.dueOn])).toEqual([
      ["apprenticeship_review_due", "due_soon", "2026-12-05"],
      ["otj_hours_behind", "overdue", null],
    ]);
    expect(apprenticeshipReminders({ ...amy, apprenticeshipId: "a1", track: { review: review("in_time"), risks: behind, rag: "amber" } })).toMatchObject([
      { kind: "otj_hours_behind", urgency: "due_soon" },
    ]);
    expect(apprenticeshipReminders({ ...amy, apprenticeshipId: "a1", track: { review: null, risks: [], rag: "green" } })).toEqual([]);
  });

  it("a competency sign-off expiring within 30 days or expired, keyed by lineage; one that never expires makes none", () => {
    const c = { ...amy, statementId: "s2", lineageKey: "entry:1.4", number: "1.4", text: "Values" };
    expect(competencyReminder({ ...c, expiresOn: "2026-11-20" }, TODAY)).toMatchObject({
      urgency: "overdue",
      key: "competency_expiring:w-amy:entry:1.4:2026-11-20",
      href: "/workers/w-amy/competencies/s2",
    });
    expect(competencyReminder({ ...c, expiresOn: "2026-12-20" }, TODAY)?.urgency).toBe("due_soon");
    expect(competencyReminder({ ...c, expiresOn: "2027-06-01" }, TODAY)).toBeNull();
    expect(competencyReminder({ ...c, expiresOn: null }, TODAY)).toBeNull();
  });

  it("a delegated task only once its review date has passed", () => {
    expect(delegationReminder({ ...amy, taskId: "t1", task: "Gait re-education", reviewOn: "2026-11-30" }, TODAY)).toMatchObject({ urgency: "overdue" });
    expect(delegationReminder({ ...amy, taskId: "t1", task: "Gait re-education", reviewOn: TODAY }, TODAY)).toBeNull();
  });

  it("a training request awaiting a decision: overdue once the course has started, otherwise due soon", () => {
    expect(trainingRequestReminder({ ...amy, requestId: "r1", title: "Moving and handling", startsOn: "2026-12-01" }, TODAY).urgency).toBe("overdue");
    expect(trainingRequestReminder({ ...amy, requestId: "r1", title: "Moving and handling", startsOn: "2027-02-01" }, TODAY).urgency).toBe("due_soon");
    expect(trainingRequestReminder({ ...amy, requestId: "r1", title: "Moving and handling", startsOn: null }, TODAY)).toMatchObject({
      urgency: "due_soon",
      dueOn: null,
    });
  });
});

describe("the order of the inbox", () => {
  it("puts overdue first, then by due date (no date counting as today), then by person; one of each key", () => {
    const appraisalBen = appraisalReminder({ ...ben, contractStart: "2022-04-01", lastAppraisalOn: null }, TODAY)!; // overdue 2023-04-01
    const taskAmy = delegationReminder({ ...amy, taskId: "t1", task: "Gait", reviewOn: "2026-11-01" }, TODAY)!; // overdue 2026-11-01
    const hoursAmy = apprenticeshipReminders({ ...amy, apprenticeshipId: "a1", track: { review: null, risks: [{ kind: "otj_behind", message: "" }], rag: "red" } })[0]!; // overdue, today
    const pdpBen = pdpReviewReminder({ ...ben, pdpId: "p1", pdpNextReviewOn: "2026-12-02" }, TODAY)!; // due soon
    const requestAmy = trainingRequestReminder({ ...amy, requestId: "r1", title: "X", startsOn: null }, TODAY); // due soon, today
    const ordered = inboxOrder([pdpBen, requestAmy, hoursAmy, appraisalBen, taskAmy, appraisalBen], TODAY);
    expect(ordered.map((r) => r.key)).toEqual([appraisalBen.key, taskAmy.key, hoursAmy.key, requestAmy.key, pdpBen.key]);
    expect(compareReminders(appraisalBen, appraisalBen, TODAY)).toBe(0);
  });
});

describe("the email digest", () => {
  const fmt = (iso: string) => `on ${iso}`;
  const task = delegationReminder({ ...amy, taskId: "t1", task: "Gait", reviewOn: "2026-11-01" }, TODAY)!;
  const pdp = pdpReviewReminder({ ...ben, pdpId: "p1", pdpNextReviewOn: "2026-12-02" }, TODAY)!;

  it("leaves out what was sent before, by key", () => {
    expect(notYetSent([task, pdp], new Set([task.key]))).toEqual([pdp]);
    expect(notYetSent([task, pdp], new Set())).toEqual([task, pdp]);
  });

  it("lists each new reminder with who, when and an absolute link when the app's address is known", () => {
    const mail = digestEmail({ name: "Claire", reminders: [task, pdp], appUrl: "https://pathways.example.nhs.uk/", formatDate: fmt });
    expect(mail.subject).toBe("Pathways: 2 new reminders");
    expect(mail.text).toContain("- Overdue: Delegated task review: Gait, Amy Able (was due on 2026-11-01)\n  https://pathways.example.nhs.uk/workers/w-amy/supervision");
    expect(mail.text).toContain("- Due soon: PDP review, Ben Bell (due on 2026-12-02)");
    expect(mail.text).toContain("https://pathways.example.nhs.uk/inbox");
    const plain = digestEmail({ name: "Claire", reminders: [task], appUrl: undefined, formatDate: fmt });
    expect(plain.subject).toBe("Pathways: 1 new reminder");
    expect(plain.text).not.toContain("http");
  });
});
