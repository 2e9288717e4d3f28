// The reminder email job: `npm run reminders` (from cron, say every morning). Uses DATABASE_PATH and the SMTP_*
// variables; without SMTP_HOST it sends nothing and says so.
// The database at DATABASE_PATH opens (and migrates) on first use, as in the app (db/client.ts).
import { sendReminderDigests } from "../lib/reminder-digest";

async function main() {
  const run = await sendReminderDigests();
  if (!run.configured) console.log("SMTP_HOST is not set: no reminder emails sent.");
  else if (run.otherRunBusy) console.log("Another run of the reminder digest is sending now: this one sent nothing.");
  else console.log(`Reminder digests: ${run.sent} sent (${run.reminders} reminders), ${run.failed} failed, ${run.recipients} people checked.`);
  // A failed send is retried next run; a non-zero exit lets cron report it.
  process.exitCode = run.failed > 0 ? 1 : 0;
}

void main();
