// How the resources hub is ordered: the reader's profession first, then what is for everyone, then the other
// professions; within each group by kind of resource, then the list's own order.
import { RESOURCE_TYPES } from "../vocabulary";

type ResourceType = (typeof RESOURCE_TYPES)[number];

export type HubResource = {
  id: string;
  title: string;
  body: string;
  type: ResourceType;
  url: string;
  sort: number;
  professionId: string | null;
  professionName: string | null;
  /** The profession's place in its own list, so other professions follow the order the forms use. */
  professionSort: number | null;
};

export type HubGroup =
  | { kind: "featured"; professionId: string; professionName: string; resources: HubResource[] }
  | { kind: "everyone"; resources: HubResource[] }
  | { kind: "profession"; professionId: string; professionName: string; resources: HubResource[] };

const typeRank = (t: ResourceType) => RESOURCE_TYPES.indexOf(t);

export function compareResources(a: HubResource, b: HubResource): number {
  return typeRank(a.type) - typeRank(b.type) || a.sort - b.sort || a.title.localeCompare(b.title, "en-GB");
}

/**
 * Groups live resources for reading. `featured` is the profession to put first (a support worker's own, or the one
 * a filter chose): its group is there even when empty, so the page can say so. Empty groups are otherwise left out.
 */
export function groupResources(items: readonly HubResource[], featured?: { id: string; name: string } | null): HubGroup[] {
  const sorted = [...items].sort(compareResources);
  const groups: HubGroup[] = [];
  if (featured) {
    groups.push({ kind: "featured", professionId: featured.id, professionName: featured.name, resources: sorted.filter((r) => r.professionId === featured.id) });
  }
  const everyone = sorted.filter((r) => r.professionId === null);
  if (everyone.length > 0) groups.push({ kind: "everyone", resources: everyone });

  const others = new Map<string, { name: string; sort: number; resources: HubResource[] }>();
  for (const r of sorted) {
    if (r.professionId === null || r.professionId === featured?.id) continue;
    const group = others.get(r.professionId) ?? { name: r.professionName ?? "", sort: r.professionSort ?? 0, resources: [] };
    group.resources.push(r);
    others.set(r.professionId, group);
  }
  [...others.entries()]
    .sort(([, a], [, b]) => a.sort - b.sort || a.name.localeCompare(b.name, "en-GB"))
    .forEach(([professionId, g]) => groups.push({ kind: "profession", professionId, professionName: g.name, resources: g.resources }));
  return groups;
}

/** The address's site, as shown beside a link so a reader knows where it goes: "csp.org.uk". */
export function siteOf(url: string): string {
  if (!URL.canParse(url)) return url;
  return new URL(url).hostname.replace(/^www\./, "");
}
