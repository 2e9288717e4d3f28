// The reminder email job: `npm run reminders` (from cron, say every morning). Uses DATABASE_PATH and the SMTP_*
// variables; without SMTP_HOST it sends nothing and says so.
import { openDatabase } from "../db/client";
import { databasePath } from "../lib/env";
import { sendReminderDigests } from "../lib/reminder-digest";

async function main() {
  openDatabase(databasePath());
  const run = await sendReminderDigests();
  if (!run.configured) console.log("SMTP_HOST is not set: no reminder emails sent.");
  else console.log(`Reminder digests: ${run.sent} sent (${run.reminders} reminders), ${run.failed} failed, ${run.recipients} people checked.`);
  // A failed send is retried next run; a non-zero exit lets cron report it.
  process.exitCode = run.failed > 0 ? 1 : 0;
}

void main();
