// Loads the shipped reference lists (db/seed/reference/*) into an organisation's database.
// Idempotent: each item is matched by its natural key and inserted only when missing, so running it
// again, or after an admin has edited, retired or added items, changes nothing that is already there.
import { eq } from "drizzle-orm";
import type { DB } from "../client";
import {
  professions,
  careSettings,
  stages,
  bands,
  resources,
  frameworks,
  frameworkVersions,
  frameworkDomains,
  competencyStatements,
  apprenticeshipStandards,
  apprenticeshipOptions,
  gatewayRequirements,
  otjRules,
  trainingSubjects,
  trainingSubjectAudiences,
  workers,
} from "../schema";
import { addDays, now as clockNow } from "../../lib/rules/dates";
import { statementSort } from "../../lib/rules/competencies";
import { professions as professionSeeds } from "./reference/professions";
import { careSettings as careSettingSeeds } from "./reference/care-settings";
import { stages as stageSeeds } from "./reference/stages";
import { bands as bandSeeds } from "./reference/bands";
import { hee2021 } from "./reference/framework";
import { apprenticeshipStandards as standardSeeds } from "./reference/apprenticeships";
import { otjRules as otjRuleSeeds } from "./reference/otj-rules";
import { resources as resourceSeeds } from "./reference/resources";
import { trainingSubjects as trainingSubjectSeeds } from "./reference/mandatory-training";
import type { FrameworkSeed, OtjRuleSeed } from "./reference/types";
import { first, one } from "@/db/client";

type Tx = Parameters<Parameters<DB["transaction"]>[0]>[0];

/** What seedReference inserted this time, per table (all zeros on a second run). */
export type ReferenceCounts = Record<string, number>;

export async function seedReference(db: DB): Promise<ReferenceCounts> {
  const counts: ReferenceCounts = {};
  const add = (table: string, n = 1) => {
    counts[table] = (counts[table] ?? 0) + n;
  };

  await db.transaction(async (tx) => {
    // Simple coded lists.
    const professionIds = new Map((await tx.select({ code: professions.code, id: professions.id }).from(professions)).map((r) => [r.code, r.id]));
    for (const [i, p] of professionSeeds.entries()) {
      if (professionIds.has(p.code)) continue;
      const row = await one(tx
        .insert(professions)
        .values({ code: p.code, name: p.name, kind: p.kind, sort: (i + 1) * 10 })
        .returning({ id: professions.id }));
      professionIds.set(p.code, row.id);
      add("professions");
    }

    const settingCodes = new Set((await tx.select({ code: careSettings.code }).from(careSettings)).map((r) => r.code));
    for (const [i, s] of careSettingSeeds.entries()) {
      if (settingCodes.has(s.code)) continue;
      await tx.insert(careSettings).values({ code: s.code, name: s.name, sort: (i + 1) * 10 });
      add("care_settings");
    }

    const stageCodes = new Set((await tx.select({ code: stages.code }).from(stages)).map((r) => r.code));
    for (const [i, s] of stageSeeds.entries()) {
      if (stageCodes.has(s.code)) continue;
      await tx.insert(stages)
        .values({
          code: s.code,
          name: s.name,
          educationLevel: s.educationLevel,
          frameworkStage: s.frameworkStage,
          rank: s.rank,
          description: s.description,
          sort: (i + 1) * 10,
        });
      add("stages");
    }

    const bandCodes = new Set((await tx.select({ code: bands.code }).from(bands)).map((r) => r.code));
    for (const b of bandSeeds) {
      if (bandCodes.has(b.code)) continue;
      await tx.insert(bands).values({ code: b.code, name: b.name, sort: b.sort });
      add("bands");
    }

    await seedFramework(tx, hee2021, add);

    // Apprenticeship standards, their options and gateway checklists.
    for (const s of standardSeeds) {
      const existing = await first(tx
        .select({ id: apprenticeshipStandards.id })
        .from(apprenticeshipStandards)
        .where(eq(apprenticeshipStandards.reference, s.reference)));
      if (!existing) {
        const standard = await one(tx
          .insert(apprenticeshipStandards)
          .values({
            reference: s.reference,
            title: s.title,
            level: s.level,
            typicalDurationMonths: s.typicalDurationMonths,
            otjMinimumHours: s.otjMinimumHours,
            professionId: s.professionCode ? requireId(professionIds, s.professionCode, "profession") : null,
          })
          .returning({ id: apprenticeshipStandards.id }));
        add("apprenticeship_standards");
        // Its options and gateway checklist come with it, once. From then on they are the administrator's
        // (/admin/apprenticeships): a renamed option or reworded requirement must not come back under its seed wording.
        const standardId = standard.id;
        for (const name of s.options) {
          await tx.insert(apprenticeshipOptions).values({ standardId, name });
          add("apprenticeship_options");
        }
        for (const [i, label] of s.gateway.entries()) {
          await tx.insert(gatewayRequirements).values({ standardId, label, sort: (i + 1) * 10 });
          add("gateway_requirements");
        }
      }
    }

    // Off-the-job rules, matched by the start of their date range and their kind.
    const ruleKeys = new Set((await tx.select({ from: otjRules.effectiveFrom, kind: otjRules.kind }).from(otjRules)).map((r) => `${r.from}|${r.kind}`));
    for (const r of otjRuleSeeds) {
      if (ruleKeys.has(`${r.effectiveFrom}|${r.kind}`)) continue;
      await tx.insert(otjRules).values(otjRuleRow(r));
      add("otj_rules");
    }

    // The resources hub, matched by address (titles get reworded; the address is the resource).
    const urls = new Set((await tx.select({ url: resources.url }).from(resources)).map((r) => r.url));
    for (const [i, r] of resourceSeeds.entries()) {
      if (urls.has(r.url)) continue;
      urls.add(r.url);
      await tx.insert(resources)
        .values({
          title: r.title,
          body: r.body,
          professionId: r.professionCode ? requireId(professionIds, r.professionCode, "profession") : null,
          type: r.type,
          url: r.url,
          sort: (i + 1) * 10,
        });
      add("resources");
    }

    // Statutory and mandatory training subjects, matched by code; who needs a new one comes with it, on a new database.
    // On one that already has workers (an upgrade), nobody needs a new subject until an administrator says who, once
    // completions are in: otherwise every worker would be out of date, and emailed so, the day the subjects arrive.
    const upgrading = !!(await first(tx.select({ id: workers.id }).from(workers).limit(1)));
    const subjectCodes = new Set((await tx.select({ code: trainingSubjects.code }).from(trainingSubjects)).map((r) => r.code));
    for (const [i, s] of trainingSubjectSeeds.entries()) {
      if (subjectCodes.has(s.code)) continue;
      const row = await one(tx
        .insert(trainingSubjects)
        .values({ code: s.code, name: s.name, description: s.description, renewalMonths: s.renewalMonths, framework: true, sort: (i + 1) * 10 })
        .returning({ id: trainingSubjects.id }));
      if (s.everyone && !upgrading) await tx.insert(trainingSubjectAudiences).values({ subjectId: row.id, kind: "everyone", refId: null });
      add("training_subjects");
    }
  });

  return counts;
}

/**
 * The seed files state a rule's range with an inclusive last start date and a percentage (20); the table holds a
 * half-open range [effective_from, effective_to) and a fraction (0.2), as its column comments say.
 */
function otjRuleRow(r: OtjRuleSeed): typeof otjRules.$inferInsert {
  return {
    effectiveFrom: r.effectiveFrom,
    effectiveTo: r.effectiveTo ? addDays(r.effectiveTo, 1) : null,
    kind: r.kind,
    value: r.kind === "percent_of_hours" && r.value > 1 ? r.value / 100 : r.value,
    minimumHours: r.minimumHours,
    description: r.description,
  };
}

/** The framework as version 1 (published), its domains and statements; fills in whatever is missing. */
async function seedFramework(tx: Tx, seed: FrameworkSeed, add: (table: string, n?: number) => void): Promise<void> {
  let framework = await first(tx.select({ id: frameworks.id }).from(frameworks).where(eq(frameworks.key, seed.key)));
  if (!framework) {
    framework = await one(tx
      .insert(frameworks)
      .values({ key: seed.key, name: seed.name, source: seed.source, sourceUrl: seed.sourceUrl ?? null, description: seed.description })
      .returning({ id: frameworks.id }));
    add("frameworks");
  }
  const frameworkId = framework.id;

  let version = (await tx
    .select({ id: frameworkVersions.id, version: frameworkVersions.version })
    .from(frameworkVersions)
    .where(eq(frameworkVersions.frameworkId, frameworkId)))
    .find((v) => v.version === 1);
  if (!version) {
    version = await one(tx
      .insert(frameworkVersions)
      .values({
        frameworkId,
        version: 1,
        status: "published",
        publishedAt: clockNow(),
        notes: "Shipped with Pathways: the HEE 2021 framework's domains, with plain-English statements for each stage.",
      })
      .returning({ id: frameworkVersions.id, version: frameworkVersions.version }));
    add("framework_versions");
  }
  const versionId = version.id;

  const domainIds = new Map(
    (await tx.select({ id: frameworkDomains.id, number: frameworkDomains.number }).from(frameworkDomains).where(eq(frameworkDomains.versionId, versionId))).map((d) => [d.number, d.id]),
  );
  const lineages = new Set(
    (await tx.select({ lineageKey: competencyStatements.lineageKey }).from(competencyStatements).where(eq(competencyStatements.versionId, versionId))).map((s) => s.lineageKey),
  );

  for (const d of seed.domains) {
    let domainId = domainIds.get(d.number);
    if (!domainId) {
      domainId = (await one(tx
        .insert(frameworkDomains)
        .values({ versionId, number: d.number, title: d.title, description: d.description })
        .returning({ id: frameworkDomains.id }))).id;
      domainIds.set(d.number, domainId);
      add("framework_domains");
    }
    for (const s of d.statements) {
      const lineageKey = `${s.stage}:${s.number}`;
      if (lineages.has(lineageKey)) continue;
      lineages.add(lineageKey);
      await tx.insert(competencyStatements)
        .values({
          versionId,
          domainId,
          stage: s.stage,
          number: s.number,
          lineageKey,
          text: s.text,
          renewalMonths: s.renewalMonths ?? null,
          bespoke: false,
          sourceRef: `HEE 2021, domain ${d.number}`,
          sort: statementSort(s.number),
        });
      add("competency_statements");
    }
  }
}

function requireId(ids: Map<string, string>, code: string, what: string): string {
  const id = ids.get(code);
  if (!id) throw new Error(`Reference data names an unknown ${what} "${code}"`);
  return id;
}
