// Care settings and areas of work. The ambulance settings (emergency care, patient transport
// service, call handling, hazardous area response team, education) follow seed 000, Table 4.
import type { CareSettingSeed } from "./types";

export const careSettings: CareSettingSeed[] = [
  { code: "acute-inpatient", name: "Acute inpatient" },
  { code: "outpatient", name: "Outpatient" },
  { code: "community", name: "Community" },
  { code: "mental-health", name: "Mental health" },
  { code: "learning-disability", name: "Learning disability" },
  { code: "primary-care", name: "Primary care" },
  { code: "rehabilitation", name: "Rehabilitation and intermediate care" },
  { code: "critical-care", name: "Critical care" },
  { code: "emergency-care", name: "Emergency care" },
  { code: "patient-transport", name: "Patient transport service" },
  { code: "call-handling", name: "Call handling" },
  { code: "hazardous-area-response", name: "Hazardous area response team" },
  { code: "education", name: "Education" },
];
