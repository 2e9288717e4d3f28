// The 14 allied health professions in England, with radiography split into its diagnostic and
// therapeutic branches (so 15 entries), plus the ambulance support workforce that works alongside
// paramedics (seed 000, Tables 4 and 5). Names are the profession or service, not the job title.
import type { ProfessionSeed } from "./types";

export const professions: ProfessionSeed[] = [
  { code: "art-therapy", name: "Art therapy", kind: "ahp" },
  { code: "drama-therapy", name: "Dramatherapy", kind: "ahp" },
  { code: "music-therapy", name: "Music therapy", kind: "ahp" },
  { code: "podiatry", name: "Podiatry (chiropody)", kind: "ahp" },
  { code: "dietetics", name: "Dietetics", kind: "ahp" },
  { code: "ot", name: "Occupational therapy", kind: "ahp" },
  { code: "odp", name: "Operating department practice", kind: "ahp" },
  { code: "orthoptics", name: "Orthoptics", kind: "ahp" },
  { code: "osteopathy", name: "Osteopathy", kind: "ahp" },
  { code: "paramedic", name: "Paramedic practice", kind: "ahp" },
  { code: "physio", name: "Physiotherapy", kind: "ahp" },
  { code: "prosthetics-orthotics", name: "Prosthetics and orthotics", kind: "ahp" },
  { code: "radiography-diagnostic", name: "Diagnostic radiography", kind: "ahp" },
  { code: "radiography-therapeutic", name: "Therapeutic radiography", kind: "ahp" },
  { code: "slt", name: "Speech and language therapy", kind: "ahp" },
  { code: "ambulance", name: "Ambulance support", kind: "ambulance" },
];
