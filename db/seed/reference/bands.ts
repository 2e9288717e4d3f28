// NHS Agenda for Change pay bands. The HEE framework sets no pay bands; support roles are
// typically banded 2 to 4. Band 1 has been closed to new entrants in England since 2018 but is
// kept so older records keep their meaning.
import type { BandSeed } from "./types";

export const bands: BandSeed[] = [
  { code: "1", name: "Band 1", sort: 1 },
  { code: "2", name: "Band 2", sort: 2, typicalFor: "Support worker (entry level)" },
  { code: "3", name: "Band 3", sort: 3, typicalFor: "Senior support worker; some support worker roles" },
  { code: "4", name: "Band 4", sort: 4, typicalFor: "Assistant practitioner" },
  { code: "5", name: "Band 5", sort: 5 },
  { code: "6", name: "Band 6", sort: 6 },
  { code: "7", name: "Band 7", sort: 7 },
  { code: "8a", name: "Band 8a", sort: 8 },
  { code: "8b", name: "Band 8b", sort: 9 },
  { code: "8c", name: "Band 8c", sort: 10 },
  { code: "8d", name: "Band 8d", sort: 11 },
  { code: "9", name: "Band 9", sort: 12 },
];
