// A production start (demo mode off, empty database): the first administrator sets Pathways up.
import { test, expect } from "./support/test";
import { errorSummary } from "./support/pages";
import { expectAccessible } from "./support/axe";

// This spec's trust is an empty, production-style one: demo mode off, no users.
test.use({ trustKind: "empty" });

test("the first admin sets up an empty installation, after fixing bad input", async ({ page, baseURL }) => {
  const BASE = baseURL!;
  await page.goto(`${BASE}/login`);
  await expect(page).toHaveURL(`${BASE}/setup`);
  await expect(page.getByRole("heading", { name: "Set up Pathways" })).toBeVisible();
  await expect(page.getByText("Demo logins")).toHaveCount(0);
  await expectAccessible(page);

  await page.getByLabel("Organisation").fill("Riverside Community Health NHS Trust");
  await page.getByLabel("Your full name").fill("");
  await page.getByLabel("Your work email address").fill("priya.shah@nhs");
  await page.getByLabel("Choose a password").fill("short");
  await page.getByLabel("Type the password again").fill("different");
  await page.getByRole("button", { name: "Create administrator account" }).click();

  const summary = errorSummary(page);
  await expect(summary).toContainText("Enter your full name");
  await expect(summary).toContainText("correct format");
  await expect(summary).toContainText("at least 12 characters");
  await expect(page.getByLabel("Organisation")).toHaveValue("Riverside Community Health NHS Trust");
  await expect(page.getByLabel("Your work email address")).toHaveValue("priya.shah@nhs");
  await expectAccessible(page);

  await page.getByLabel("Your full name").fill("Priya Shah");
  await page.getByLabel("Your work email address").fill("priya.shah@nhs.net");
  await page.getByLabel("Choose a password").fill("a long and memorable passphrase");
  await page.getByLabel("Type the password again").fill("a long and memorable passphrase");
  await page.getByRole("button", { name: "Create administrator account" }).click();
  await expect(page).toHaveURL(`${BASE}/admin`);
  await expect(page.getByText("Riverside Community Health NHS Trust")).toBeVisible();
  await expectAccessible(page);

  // Once set up, the setup path is closed.
  await page.goto(`${BASE}/setup`);
  await expect(page).not.toHaveURL(`${BASE}/setup`);
});
