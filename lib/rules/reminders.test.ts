import { describe, expect, it } from "vitest";
import {
  apprenticeshipReminders,
  appraisalReminder,
  compareReminders,
  competencyReminder,
  conversationReminder,
  delegationReminder,
  inboxOrder,
  pdpReminders,
  pdpReviewReminder,
  preparationReminder,
  reminderWhen,
  splitByWorker,
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

  it("a training request awaiting a decision: overdue once the course has started, otherwise waiting for the manager", () => {
    expect(trainingRequestReminder({ ...amy, requestId: "r1", title: "Moving and handling", startsOn: "2026-12-01" }, TODAY).urgency).toBe("overdue");
    expect(trainingRequestReminder({ ...amy, requestId: "r1", title: "Moving and handling", startsOn: "2027-02-01" }, TODAY).urgency).toBe("waiting");
    expect(trainingRequestReminder({ ...amy, requestId: "r1", title: "Moving and handling", startsOn: null }, TODAY)).toMatchObject({
      urgency: "waiting",
      dueOn: null,
    });
  });
});

describe("the appraisal's next step", () => {
  const never = { ...amy, contractStart: "2022-04-01", lastAppraisalOn: null }; // due 2023-04-01: overdue
  const open = (status: "scheduled" | "in_progress" | "awaiting_sign_off", scheduledFor: string, heldOn: string | null = null) => ({
    ...never,
    openAppraisal: { id: "ap1", status, scheduledFor, heldOn },
  });

  it("asks the manager to book an overdue one, and tells the worker it is due", () => {
    expect(appraisalReminder(never, TODAY, "manager")).toMatchObject({ kind: "appraisal_due", title: "Book the appraisal", urgency: "overdue", dueOn: "2023-04-01" });
    expect(appraisalReminder(never, TODAY, "worker")).toMatchObject({ kind: "appraisal_due", title: "Appraisal", urgency: "overdue" });
  });

  it("once booked, follows the booking's date, not the annual due date: nothing while the meeting is more than 30 days off", () => {
    expect(appraisalReminder(open("scheduled", "2027-02-01"), TODAY, "manager")).toBeNull();
    expect(appraisalReminder(open("scheduled", "2026-12-23"), TODAY, "manager")).toMatchObject({
      kind: "appraisal_booked",
      urgency: "due_soon",
      dueOn: "2026-12-23",
      href: "/workers/w-amy/appraisals/ap1",
      key: "appraisal_booked:w-amy:ap1:2026-12-23",
    });
    expect(appraisalReminder(open("scheduled", "2026-12-23"), TODAY, "worker")?.kind).toBe("appraisal_booked");
    // A booked date gone by without the appraisal being started.
    expect(appraisalReminder(open("scheduled", "2026-11-20"), TODAY, "manager")).toMatchObject({ urgency: "overdue" });
  });

  it("once started, waits for the manager to write it up and send it, and is nothing for the worker yet", () => {
    const started = appraisalReminder(open("in_progress", "2026-11-20", "2026-11-21"), TODAY, "manager");
    expect(started).toMatchObject({ kind: "appraisal_to_finish", urgency: "waiting", dueOn: "2026-11-21" });
    expect(reminderWhen(started!)).toBe("Meeting on 21 November 2026; write it up and send it");
    expect(appraisalReminder(open("in_progress", "2026-11-20"), TODAY, "worker")).toBeNull();
  });

  it("once sent, waits for the worker to read and sign it, and is nothing for the manager", () => {
    const sign = appraisalReminder(open("awaiting_sign_off", "2026-11-20", "2026-11-21"), TODAY, "worker");
    expect(sign).toMatchObject({ kind: "appraisal_to_sign", title: "Read and sign your appraisal", urgency: "waiting" });
    expect(reminderWhen(sign!)).toBe("Meeting on 21 November 2026; sent to you to sign");
    expect(appraisalReminder(open("awaiting_sign_off", "2026-11-20", "2026-11-21"), TODAY, "manager")).toBeNull();
    // A manager reading their own record takes neither side's steps (another manager runs it).
    expect(appraisalReminder(open("awaiting_sign_off", "2026-11-20", "2026-11-21"), TODAY, "self")).toBeNull();
  });

  it("once the worker has signed, waits for the appraiser's signature; once both have, for nobody", () => {
    const sent = open("awaiting_sign_off", "2026-11-20", "2026-11-21");
    const signed = { ...sent, openAppraisal: { ...sent.openAppraisal, workerSigned: true } };
    expect(appraisalReminder(signed, TODAY, "worker")).toBeNull();
    const countersign = appraisalReminder(signed, TODAY, "manager");
    expect(countersign).toMatchObject({ kind: "appraisal_to_countersign", title: "Sign the appraisal as appraiser", urgency: "waiting", key: "appraisal_to_countersign:w-amy:ap1:2026-11-21" });
    expect(reminderWhen(countersign!)).toBe("Meeting on 21 November 2026; signed by the worker, now yours to sign");
    expect(appraisalReminder(signed, TODAY, "self")).toBeNull();
    // The appraiser signed first: the worker is still asked, the manager is not.
    const appraiserFirst = { ...sent, openAppraisal: { ...sent.openAppraisal, appraiserSigned: true } };
    expect(appraisalReminder(appraiserFirst, TODAY, "worker")?.kind).toBe("appraisal_to_sign");
    expect(appraisalReminder(appraiserFirst, TODAY, "manager")).toBeNull();
  });

  it("asks the worker to prepare for a booked appraisal until they submit it, keyed by the booked date", () => {
    const far = preparationReminder(open("scheduled", "2027-02-01"), TODAY, "worker");
    expect(far).toMatchObject({
      kind: "appraisal_to_prepare",
      title: "Prepare for your appraisal",
      urgency: "waiting",
      dueOn: "2027-02-01",
      href: "/workers/w-amy/appraisals/ap1/preparation",
      key: "appraisal_to_prepare:w-amy:ap1:2027-02-01",
    });
    expect(reminderWhen(far!)).toBe("Before the meeting on 1 February 2027");
    const late = preparationReminder(open("in_progress", "2026-11-20"), TODAY, "worker");
    expect(late).toMatchObject({ urgency: "overdue" });
    expect(reminderWhen(late!)).toBe("The meeting was booked for 20 November 2026");
    expect(preparationReminder({ ...amy, openAppraisal: { ...open("scheduled", "2027-02-01").openAppraisal, prepared: true } }, TODAY, "worker")).toBeNull();
    expect(preparationReminder(open("awaiting_sign_off", "2026-11-20"), TODAY, "worker")).toBeNull();
    expect(preparationReminder({ ...amy, openAppraisal: null }, TODAY, "worker")).toBeNull();
    for (const side of ["manager", "self"] as const) expect(preparationReminder(open("scheduled", "2027-02-01"), TODAY, side)).toBeNull();
  });

  it("asks nothing of anyone when the next one is more than 30 days away", () => {
    expect(appraisalReminder({ ...amy, contractStart: "2022-04-01", lastAppraisalOn: "2026-06-01" }, TODAY, "manager")).toBeNull();
  });
});

describe("the PDP's next steps", () => {
  const plan = { id: "p1", version: 1, goals: 2, workerAgreed: false, managerAgreed: false, nextReviewOn: "2027-03-01" };
  const kinds = (list: ReturnType<typeof pdpReminders>) => list.map((r) => `${r.kind} ${r.title}`);

  it("asks the manager to start one, or to add goals to an empty one; the worker is not asked", () => {
    expect(kinds(pdpReminders({ ...amy, pdp: null }, TODAY, "manager"))).toEqual(["pdp_to_start Start a PDP"]);
    expect(kinds(pdpReminders({ ...amy, pdp: { ...plan, goals: 0 } }, TODAY, "manager"))).toEqual(["pdp_to_start Add goals to the PDP"]);
    expect(pdpReminders({ ...amy, pdp: null }, TODAY, "worker")).toEqual([]);
    expect(pdpReminders({ ...amy, pdp: { ...plan, goals: 0 } }, TODAY, "worker")).toEqual([]);
  });

  it("asks each side to agree a version it has not agreed, naming a changed one's version", () => {
    expect(kinds(pdpReminders({ ...amy, pdp: plan }, TODAY, "worker"))).toEqual(["pdp_to_agree Read and agree your PDP"]);
    expect(kinds(pdpReminders({ ...amy, pdp: plan }, TODAY, "manager"))).toEqual(["pdp_to_agree Agree the PDP"]);
    const v2 = { ...plan, version: 2, managerAgreed: true };
    expect(kinds(pdpReminders({ ...amy, pdp: v2 }, TODAY, "worker"))).toEqual(["pdp_to_agree Agree the changed PDP (version 2)"]);
    expect(pdpReminders({ ...amy, pdp: v2 }, TODAY, "manager")).toEqual([]);
    expect(pdpReminders({ ...amy, pdp: plan }, TODAY, "self")).toEqual([]);
    // A new version is news again.
    expect(pdpReminders({ ...amy, pdp: v2 }, TODAY, "worker")[0]!.key).toBe("pdp_to_agree:w-amy:p1:v2:now");
  });

  it("asks the manager to agree each goal the worker proposed, linking to the goal", () => {
    const agreed = { ...plan, workerAgreed: true, managerAgreed: true };
    const list = pdpReminders({ ...amy, pdp: agreed, proposedGoals: [{ goalId: "g1", title: "Run the hydration round" }] }, TODAY, "manager");
    expect(list).toMatchObject([{ kind: "goal_to_agree", title: "Agree the proposed goal: Run the hydration round", urgency: "waiting", href: "/workers/w-amy/pdp/goals/g1" }]);
    expect(pdpReminders({ ...amy, pdp: agreed, proposedGoals: [{ goalId: "g1", title: "x" }] }, TODAY, "worker")).toEqual([]);
  });

  it("reminds both sides of a review near or past", () => {
    const due = { ...plan, workerAgreed: true, managerAgreed: true, nextReviewOn: "2026-11-28" };
    expect(kinds(pdpReminders({ ...amy, pdp: due }, TODAY, "worker"))).toEqual(["pdp_review_due PDP review"]);
    expect(pdpReminders({ ...amy, pdp: due }, TODAY, "self")[0]).toMatchObject({ kind: "pdp_review_due", urgency: "overdue" });
  });
});

describe("career conversations", () => {
  it("ask the manager for a first one, and for the next once its date is near or past (31 December, 29 February)", () => {
    expect(conversationReminder({ ...amy, lastConversationOn: null, nextConversationOn: null }, TODAY, "manager")).toMatchObject({
      title: "Have a first career conversation",
      urgency: "waiting",
      dueOn: null,
    });
    const next = (nextConversationOn: string, today: string) => conversationReminder({ ...amy, lastConversationOn: "2026-06-01", nextConversationOn }, today, "manager");
    expect(next("2026-12-31", "2026-12-31")?.urgency).toBe("due_soon");
    expect(next("2026-12-31", "2027-01-01")?.urgency).toBe("overdue");
    expect(next("2028-02-29", "2028-02-29")?.urgency).toBe("due_soon");
    expect(next("2028-02-28", "2028-02-29")?.urgency).toBe("overdue");
    expect(next("2027-06-01", "2026-12-31")).toBeNull();
    expect(conversationReminder({ ...amy, lastConversationOn: "2026-06-01", nextConversationOn: null }, TODAY, "manager")).toBeNull();
  });
  it("are the manager's to hold, so nothing for the worker", () => {
    expect(conversationReminder({ ...amy, lastConversationOn: null, nextConversationOn: null }, TODAY, "worker")).toBeNull();
  });
});

describe("a manager's home", () => {
  it("splits the one list by worker, keeping its order, and keeps the rest apart; nothing is dropped", () => {
    const a1 = delegationReminder({ ...amy, taskId: "t1", task: "Gait", reviewOn: "2026-11-01" }, TODAY)!;
    const b1 = pdpReviewReminder({ ...ben, pdpId: "p1", pdpNextReviewOn: "2026-12-02" }, TODAY)!;
    const a2 = trainingRequestReminder({ ...amy, requestId: "r1", title: "X", startsOn: null }, TODAY);
    const { byWorker, rest } = splitByWorker([a1, b1, a2], [amy.workerId]);
    expect(byWorker.get(amy.workerId)).toEqual([a1, a2]);
    expect(rest).toEqual([b1]);
    expect(splitByWorker([], ["x"]).byWorker.get("x")).toEqual([]);
  });
});

describe("the order of the inbox", () => {
  it("puts overdue first, then what waits for the reader, then due soon, each by due date (no date counting as today), then by person; one of each key", () => {
    const appraisalBen = appraisalReminder({ ...ben, contractStart: "2022-04-01", lastAppraisalOn: null }, TODAY)!; // overdue 2023-04-01
    const taskAmy = delegationReminder({ ...amy, taskId: "t1", task: "Gait", reviewOn: "2026-11-01" }, TODAY)!; // overdue 2026-11-01
    const hoursAmy = apprenticeshipReminders({ ...amy, apprenticeshipId: "a1", track: { review: null, risks: [{ kind: "otj_behind", message: "" }], rag: "red" } })[0]!; // overdue, today
    const pdpBen = pdpReviewReminder({ ...ben, pdpId: "p1", pdpNextReviewOn: "2026-12-02" }, TODAY)!; // due soon
    const requestAmy = trainingRequestReminder({ ...amy, requestId: "r1", title: "X", startsOn: null }, TODAY); // waiting, today
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
