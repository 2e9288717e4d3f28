import { describe, expect, it } from "vitest";
import { groupResources, siteOf, type HubResource } from "./resources";

let n = 0;
const r = (over: Partial<HubResource>): HubResource => ({
  id: `r${++n}`,
  title: `Resource ${n}`,
  body: "",
  type: "professional_body",
  url: "https://example.org",
  sort: 0,
  professionId: null,
  professionName: null,
  professionSort: null,
  ...over,
});

const physio = { professionId: "p-physio", professionName: "Physiotherapy", professionSort: 110 };
const slt = { professionId: "p-slt", professionName: "Speech and language therapy", professionSort: 150 };
const ot = { professionId: "p-ot", professionName: "Occupational therapy", professionSort: 60 };

describe("grouping the resources hub", () => {
  const items = [
    r({ title: "UNISON", type: "union", sort: 10 }),
    r({ title: "RCSLT hub", ...slt, sort: 20 }),
    r({ title: "HEE framework", type: "career_framework", sort: 5 }),
    r({ title: "CSP delegation FAQs", type: "supervision_delegation", ...physio, sort: 30 }),
    r({ title: "CSP network", ...physio, sort: 40 }),
    r({ title: "RCOT", ...ot, sort: 50 }),
  ];

  it("puts the worker's own profession first, then what is for everyone, then the other professions in list order", () => {
    const groups = groupResources(items, { id: "p-physio", name: "Physiotherapy" });
    expect(groups.map((g) => [g.kind, "professionName" in g ? g.professionName : null, g.resources.map((x) => x.title)])).toEqual([
      ["featured", "Physiotherapy", ["CSP network", "CSP delegation FAQs"]],
      ["everyone", null, ["UNISON", "HEE framework"]],
      ["profession", "Occupational therapy", ["RCOT"]],
      ["profession", "Speech and language therapy", ["RCSLT hub"]],
    ]);
  });

  it("orders within a group by kind of resource before the list's own order", () => {
    const groups = groupResources(items, null);
    // Professional bodies come before unions, unions before frameworks, whatever their sort.
    expect(groups[0]).toMatchObject({ kind: "everyone" });
    expect(groups[0]!.resources.map((x) => x.type)).toEqual(["union", "career_framework"]);
  });

  it("with no featured profession, starts with what is for everyone; a featured profession with nothing still has its group", () => {
    expect(groupResources(items).map((g) => g.kind)).toEqual(["everyone", "profession", "profession", "profession"]);
    const groups = groupResources(items, { id: "p-podiatry", name: "Podiatry" });
    expect(groups[0]).toEqual({ kind: "featured", professionId: "p-podiatry", professionName: "Podiatry", resources: [] });
    expect(groups).toHaveLength(5);
  });

  it("leaves out an empty for-everyone group", () => {
    expect(groupResources([r({ ...slt })], { id: "p-slt", name: "Speech and language therapy" }).map((g) => g.kind)).toEqual(["featured"]);
  });
});

describe("the site shown beside a link", () => {
  it("is the host name without www", () => {
    expect(siteOf("https://www.csp.org.uk/networks/associates-support-workers")).toBe("csp.org.uk");
    expect(siteOf("https://rcpod.org.uk")).toBe("rcpod.org.uk");
    expect(siteOf("not a web address")).toBe("not a web address");
  });
});
