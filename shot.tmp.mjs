import { chromium } from "@playwright/test";
const [,, who, width, ...paths] = process.argv;
const browser = await chromium.launch({ executablePath: "/usr/bin/chromium", args: ["--no-sandbox", "--disable-gpu", "--disable-background-networking"] });
const page = await browser.newPage({ viewport: { width: Number(width), height: 3000 } });
await page.goto("http://localhost:3050/login");
await page.getByLabel("Email address").fill(who);
await page.getByLabel("Password").fill("pathways-demo");
await page.getByRole("button", { name: "Sign in", exact: true }).click();
await page.waitForURL((u) => !u.pathname.startsWith("/login"));
let i = 0;
for (const p of paths) {
  await page.goto("http://localhost:3050" + p);
  const name = `/tmp/shot-${who.split("@")[0]}-${width}-${i++}.png`;
  await page.screenshot({ path: name, fullPage: process.env.FULL === "1", clip: process.env.FULL === "1" ? undefined : { x: 0, y: Number(process.env.Y ?? 0), width: Number(width), height: 1400 } });
  console.log(name, page.url(), await page.title());
}
await browser.close();
