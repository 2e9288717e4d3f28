// The words of the demo organisation: job titles, PDP goals, delegated tasks, CPD, appraisal and supervision
// notes, per profession where the work differs. Plain British English, written to read like real records.
import type { ProfessionCode, StageCode } from "./reference/types";
import type { SupportKind, ActionOwner, BarrierCategory, CpdType, DeclineReason } from "../../lib/vocabulary";

export interface GoalTemplate {
  title: string;
  why: string;
  success: string;
  /** HEE framework domain numbers (1–8). */
  domains: number[];
  support: SupportKind[];
  actions: [description: string, owner: ActionOwner][];
}

export interface CpdTemplate {
  title: string;
  type: CpdType;
}

export interface ProfessionContent {
  /** The registered professional who delegates, supervises and signs off, and their HCPC prefix. */
  registrant: { title: string; prefix: string };
  titles: Record<StageCode, string[]>;
  goals: GoalTemplate[];
  tasks: string[];
  cpd: CpdTemplate[];
  /** Formal courses a worker might ask to attend. */
  courses: { title: string; provider: string; costPence: number; days: number }[];
  achievements: string[];
  /** Option of the Senior healthcare support worker standard that fits the profession. */
  seniorOption: string | null;
}

const THERAPY = "Allied health profession – therapy support";

const physio: ProfessionContent = {
  registrant: { title: "Physiotherapist", prefix: "PH" },
  titles: {
    trainee: ["Trainee Physiotherapy Assistant"],
    apprentice: ["Apprentice Therapy Support Worker", "Apprentice Physiotherapy Assistant"],
    support_worker: ["Physiotherapy Assistant", "Therapy Support Worker (Physiotherapy)", "Rehabilitation Support Worker"],
    senior_support_worker: ["Senior Physiotherapy Assistant", "Senior Therapy Support Worker"],
    level4: ["Physiotherapy Technical Instructor", "Advanced Rehabilitation Support Worker"],
    assistant_practitioner: ["Assistant Practitioner (Physiotherapy)", "Physiotherapy Assistant Practitioner"],
  },
  goals: [
    {
      title: "Lead the ward's falls-prevention exercise group",
      why: "Patients waiting for discharge lose strength and confidence; a regular group keeps them moving and frees physiotherapist time.",
      success: "The group runs twice a week for eight weeks with attendance and Timed Up and Go scores recorded.",
      domains: [2, 6],
      support: ["practice_educator", "protected_time"],
      actions: [
        ["Observe two groups run by the band 6 physiotherapist", "worker"],
        ["Agree a session plan and risk assessment with the supervising physiotherapist", "worker"],
        ["Protect one hour each Tuesday and Thursday on the rota", "manager"],
      ],
    },
    {
      title: "Complete the acute respiratory competencies for support workers",
      why: "The team needs more support workers who can help with airway clearance sessions at weekends.",
      success: "All respiratory support competencies signed off by a respiratory physiotherapist.",
      domains: [3],
      support: ["formal_course", "supervision"],
      actions: [
        ["Attend the trust's respiratory skills afternoon", "worker"],
        ["Complete three supervised sessions on the respiratory ward", "worker"],
        ["Arrange sign-off with the respiratory lead", "manager"],
      ],
    },
    {
      title: "Run mobility and transfer assessments independently on the orthopaedic ward",
      why: "Earlier mobilisation after hip fracture shortens length of stay.",
      success: "Signed off for independent sit-to-stand and transfer assessments; ten completed with documentation audited.",
      domains: [3, 2],
      support: ["supervision", "informal_learning"],
      actions: [
        ["Shadow the orthopaedic physiotherapists for two shifts", "worker"],
        ["Complete five supervised assessments", "worker"],
        ["Audit documentation of the first ten assessments", "manager"],
      ],
    },
    {
      title: "Set up the walking-aid return and recycling scheme",
      why: "Walking aids go missing and are bought again; a return scheme saves money and waste.",
      success: "Scheme running with a monthly count of returned aids reported to the team meeting.",
      domains: [8, 6],
      support: ["protected_time"],
      actions: [
        ["Count aids issued and returned over one month as a baseline", "worker"],
        ["Agree a collection point with the discharge lounge", "manager"],
        ["Report the first three months' figures to the team", "worker"],
      ],
    },
    {
      title: "Deliver the pulmonary rehabilitation education session on breathlessness",
      why: "Patients value hearing practical tips from the staff who exercise with them.",
      success: "Session delivered to two cohorts with positive feedback forms.",
      domains: [4, 7],
      support: ["practice_educator", "informal_learning"],
      actions: [
        ["Prepare slides with the clinical lead", "worker"],
        ["Co-deliver the session once before leading it", "worker"],
      ],
    },
  ],
  tasks: [
    "Mobility practice with walking aids following a physiotherapist's plan",
    "Sit-to-stand and transfer practice on the ward",
    "Issue and adjust walking frames and sticks",
    "Lower-limb strengthening exercise programme (group)",
    "Stairs assessment practice before discharge",
    "Incentive spirometry and breathing exercises",
  ],
  cpd: [
    { title: "Otago strength and balance: refresher", type: "in_house" },
    { title: "Shadowed the hip fracture physiotherapists", type: "shadowing" },
    { title: "CSP support worker network meeting", type: "conference" },
    { title: "Reading: getting older patients moving early after surgery", type: "reading" },
    { title: "Moving and handling of bariatric patients", type: "course" },
  ],
  courses: [
    { title: "Otago Exercise Programme leader training", provider: "Later Life Training", costPence: 42000, days: 2 },
    { title: "Level 3 Certificate in Exercise Referral", provider: "Northbrook and District College", costPence: 65000, days: 5 },
    { title: "Respiratory care for support workers", provider: "Northbrook Education Centre", costPence: 9500, days: 1 },
  ],
  achievements: [
    "Covered the weekend orthopaedic rota for three months while the team was short-staffed.",
    "Started a daily walking group on the elderly care ward.",
    "Trained two new physiotherapy assistants in safe use of the stand aid.",
  ],
  seniorOption: THERAPY,
};

const ot: ProfessionContent = {
  registrant: { title: "Occupational Therapist", prefix: "OT" },
  titles: {
    trainee: ["Trainee Occupational Therapy Assistant"],
    apprentice: ["Apprentice Therapy Support Worker", "Apprentice Occupational Therapy Assistant"],
    support_worker: ["Occupational Therapy Assistant", "Therapy Support Worker (Occupational Therapy)"],
    senior_support_worker: ["Senior Occupational Therapy Support Worker", "Senior Occupational Therapy Assistant"],
    level4: ["Occupational Therapy Technical Instructor"],
    assistant_practitioner: ["Assistant Practitioner (Occupational Therapy)", "Occupational Therapy Assistant Practitioner"],
  },
  goals: [
    {
      title: "Carry out simple home equipment assessments independently",
      why: "People wait weeks for rails and seats that a trained assistant can assess for safely.",
      success: "Signed off for level 1 equipment assessments; fifteen completed with no returns for wrong fit.",
      domains: [3, 2],
      support: ["supervision", "formal_course"],
      actions: [
        ["Complete the trusted assessor course", "worker"],
        ["Do five joint visits with an occupational therapist", "worker"],
        ["Review the first fifteen assessments together", "manager"],
      ],
    },
    {
      title: "Run the kitchen assessment sessions on the rehabilitation unit",
      why: "Patients need to show they can prepare a hot drink and a snack safely before going home.",
      success: "Sessions run weekly with outcomes recorded in the notes.",
      domains: [2, 3],
      support: ["practice_educator"],
      actions: [
        ["Co-run four sessions with the unit occupational therapist", "worker"],
        ["Write a checklist for the kitchen session", "worker"],
      ],
    },
    {
      title: "Complete the falls-risk home hazard checklist competency",
      why: "Hazards at home are a leading cause of readmission after a fall.",
      success: "Competency signed off and checklist used on all eligible visits.",
      domains: [5, 3],
      support: ["supervision", "informal_learning"],
      actions: [
        ["Complete the falls e-learning", "worker"],
        ["Carry out three supervised home hazard checks", "worker"],
      ],
    },
    {
      title: "Improve the equipment delivery follow-up calls",
      why: "Too many people do not use equipment they were given; a call a week later catches problems early.",
      success: "Follow-up call made for 80% of deliveries over three months, with reasons for non-use recorded.",
      domains: [8, 4],
      support: ["protected_time"],
      actions: [
        ["Draft a short call script with the team", "worker"],
        ["Add the call to the weekly task list", "manager"],
      ],
    },
  ],
  tasks: [
    "Level 1 equipment assessment (toilet frames, perching stools, bed levers)",
    "Fitting and demonstrating bath and shower equipment",
    "Kitchen and personal care practice following an occupational therapist's plan",
    "Follow-up visits to check equipment use",
    "Graded activity sessions on the rehabilitation unit",
  ],
  cpd: [
    { title: "Trusted assessor refresher", type: "in_house" },
    { title: "Joint home visits with the community occupational therapist", type: "shadowing" },
    { title: "RCOT support worker webinar: activity and wellbeing", type: "e_learning" },
    { title: "Reading: enabling independence at home after hospital", type: "reading" },
  ],
  courses: [
    { title: "Trusted Assessor: level 1 equipment", provider: "Northbrook Community Equipment Service", costPence: 18000, days: 2 },
    { title: "Moving and handling key trainer", provider: "Northbrook Education Centre", costPence: 35000, days: 3 },
    { title: "Sensory integration: an introduction", provider: "Eastfield University", costPence: 15000, days: 1 },
  ],
  achievements: [
    "Cleared the backlog of equipment follow-up calls over the winter.",
    "Helped set up the new kitchen on the rehabilitation unit.",
    "Received two written compliments from families after home visits.",
  ],
  seniorOption: THERAPY,
};

const slt: ProfessionContent = {
  registrant: { title: "Speech and Language Therapist", prefix: "SL" },
  titles: {
    trainee: ["Trainee Speech and Language Therapy Assistant"],
    apprentice: ["Apprentice Therapy Support Worker"],
    support_worker: ["Speech and Language Therapy Assistant", "Communication Support Worker"],
    senior_support_worker: ["Senior Speech and Language Therapy Assistant"],
    level4: ["Speech and Language Therapy Technical Instructor"],
    assistant_practitioner: ["Assistant Practitioner (Speech and Language Therapy)"],
  },
  goals: [
    {
      title: "Complete the dysphagia screening competency",
      why: "Children with feeding difficulties wait too long for a first look; trained assistants can screen safely within protocol.",
      success: "Competency signed off after ten supervised screens; no unsafe recommendations on audit.",
      domains: [3, 5],
      support: ["formal_course", "supervision"],
      actions: [
        ["Complete the dysphagia training level 2 course", "worker"],
        ["Observe five screens by the specialist therapist", "worker"],
        ["Arrange supervised screens and sign-off", "manager"],
      ],
    },
    {
      title: "Deliver the early language group in two children's centres",
      why: "Groups reach more families than one-to-one sessions and reduce the waiting list.",
      success: "Two eight-week groups delivered; parent questionnaires show more confidence.",
      domains: [2, 4],
      support: ["practice_educator", "protected_time"],
      actions: [
        ["Co-run one block with the specialist therapist", "worker"],
        ["Book rooms with the children's centres", "manager"],
        ["Collect and summarise parent questionnaires", "worker"],
      ],
    },
    {
      title: "Complete Makaton foundation training and use it in sessions",
      why: "Many children on the caseload use signing to communicate.",
      success: "Foundation workshop attended and signs used consistently in sessions.",
      domains: [4, 7],
      support: ["formal_course", "funding"],
      actions: [
        ["Book the Makaton foundation workshop", "worker"],
        ["Agree funding from the team training budget", "manager"],
      ],
    },
    {
      title: "Produce accessible home practice sheets for speech sound work",
      why: "Families follow programmes better with clear, picture-based sheets.",
      success: "A set of sheets reviewed by the team and by two parents, and in use.",
      domains: [4, 8],
      support: ["informal_learning"],
      actions: [
        ["Draft sheets for the five most common targets", "worker"],
        ["Ask two parents to review them", "worker"],
      ],
    },
  ],
  tasks: [
    "Speech sound therapy sessions following a therapist's programme",
    "Early language group delivery in children's centres",
    "Attention and listening activities in school",
    "Preparing therapy resources and home practice packs",
    "Supporting mealtime observations within a therapist's plan",
  ],
  cpd: [
    { title: "Makaton refresher", type: "in_house" },
    { title: "RCSLT support worker network meeting", type: "conference" },
    { title: "Observed a specialist dysphagia clinic", type: "shadowing" },
    { title: "Reading: working with interpreters in speech and language therapy", type: "reading" },
  ],
  courses: [
    { title: "Dysphagia training: level 2", provider: "Eastfield University", costPence: 26000, days: 2 },
    { title: "Makaton foundation workshop", provider: "Makaton tutor (local)", costPence: 9000, days: 2 },
    { title: "Elklan Speech and Language Support for 0–3s", provider: "Elklan tutor (local)", costPence: 38000, days: 5 },
  ],
  achievements: [
    "Ran the early language group in Westmoor children's centre for the whole year.",
    "Made a bank of picture resources now used across the team.",
    "Supported a family through the transition to school with clear handover notes.",
  ],
  seniorOption: THERAPY,
};

const dietetics: ProfessionContent = {
  registrant: { title: "Dietitian", prefix: "DT" },
  titles: {
    trainee: ["Trainee Dietetic Assistant"],
    apprentice: ["Apprentice Dietetic Support Worker"],
    support_worker: ["Dietetic Assistant", "Nutrition Support Worker"],
    senior_support_worker: ["Senior Dietetic Assistant"],
    level4: ["Dietetic Technical Instructor"],
    assistant_practitioner: ["Dietetic Assistant Practitioner", "Assistant Practitioner (Dietetics)"],
  },
  goals: [
    {
      title: "Run the MUST screening audit on two wards",
      why: "Malnutrition is missed when screening is late or wrong; an audit shows where to train.",
      success: "Audit of forty records completed and presented to the nutrition steering group.",
      domains: [8, 3],
      support: ["protected_time", "supervision"],
      actions: [
        ["Agree the audit tool with the lead dietitian", "worker"],
        ["Collect data from both wards", "worker"],
        ["Book a slot at the nutrition steering group", "manager"],
      ],
    },
    {
      title: "Co-deliver the type 2 diabetes structured education sessions",
      why: "Demand for group education exceeds the dietitians' time.",
      success: "Co-delivered four sessions and led one with a dietitian present.",
      domains: [4, 2],
      support: ["practice_educator", "formal_course"],
      actions: [
        ["Complete the educator training for the programme", "worker"],
        ["Co-deliver four sessions", "worker"],
      ],
    },
    {
      title: "Take on follow-up calls for oral nutritional supplement reviews",
      why: "Routine supplement reviews can be done by a trained assistant within protocol.",
      success: "Signed off on the protocol; fifty reviews completed with dietitian audit.",
      domains: [3, 4],
      support: ["supervision"],
      actions: [
        ["Shadow ten review calls", "worker"],
        ["Complete the supplement review competency", "worker"],
      ],
    },
  ],
  tasks: [
    "MUST screening and weighing on the wards",
    "Oral nutritional supplement review calls within protocol",
    "Food record analysis for the dietitian",
    "Co-delivery of group education sessions",
    "Enteral feed stock checks and ordering",
  ],
  cpd: [
    { title: "BDA support worker webinar: malnutrition in the community", type: "e_learning" },
    { title: "Observed the home enteral feeding clinic", type: "shadowing" },
    { title: "Reading: texture-modified diets and IDDSI levels", type: "reading" },
  ],
  courses: [
    { title: "IDDSI framework training", provider: "Northbrook Education Centre", costPence: 6000, days: 1 },
    { title: "Structured diabetes education: educator training", provider: "Regional diabetes education programme", costPence: 45000, days: 3 },
  ],
  achievements: [
    "Rebuilt the supplement stock system so wards no longer run out.",
    "Supported the dietitians through a winter of high referrals.",
    "Helped run the nutrition and hydration week stall.",
  ],
  seniorOption: THERAPY,
};

const radiographyDiagnostic: ProfessionContent = {
  registrant: { title: "Diagnostic Radiographer", prefix: "RA" },
  titles: {
    trainee: ["Trainee Imaging Support Worker"],
    apprentice: ["Apprentice Imaging Support Worker"],
    support_worker: ["Radiography Department Assistant", "Imaging Support Worker"],
    senior_support_worker: ["Senior Imaging Support Worker", "Senior Radiography Assistant"],
    level4: ["Imaging Technical Support Worker"],
    assistant_practitioner: ["Assistant Practitioner (Radiography)", "Radiography Assistant Practitioner"],
  },
  goals: [
    {
      title: "Complete the cannulation competency for CT contrast",
      why: "Cannulation delays CT lists; trained support staff keep lists moving.",
      success: "Cannulation competency signed off after twenty supervised attempts.",
      domains: [3, 5],
      support: ["formal_course", "supervision"],
      actions: [
        ["Attend the trust cannulation course", "worker"],
        ["Complete supervised cannulations in CT", "worker"],
        ["Arrange sign-off with the CT lead radiographer", "manager"],
      ],
    },
    {
      title: "Perform plain-film chest and extremity examinations under protocol",
      why: "Assistant practitioners working to protocol increase capacity in general X-ray.",
      success: "Signed off for the agreed examinations with image quality audit passed.",
      domains: [3, 1],
      support: ["practice_educator", "supervision"],
      actions: [
        ["Complete the protocol-based module", "worker"],
        ["Audit fifty images with the reporting radiographer", "manager"],
      ],
    },
    {
      title: "Improve patient information for MRI safety screening",
      why: "Patients arrive unprepared and scans are cancelled on the day.",
      success: "New leaflet in use and same-day cancellations for screening reasons fall.",
      domains: [4, 8],
      support: ["protected_time"],
      actions: [
        ["Count same-day cancellations for one month", "worker"],
        ["Draft the leaflet with the MRI superintendent", "worker"],
      ],
    },
  ],
  tasks: [
    "Preparing patients and checking identity and pregnancy status before examinations",
    "Cannulation for CT contrast within protocol",
    "Plain-film chest examinations under protocol (assistant practitioner)",
    "MRI safety questionnaire checks",
    "Moving patients safely on and off imaging tables",
  ],
  cpd: [
    { title: "IR(ME)R update for support staff", type: "e_learning" },
    { title: "Shadowed the CT lead radiographer", type: "shadowing" },
    { title: "SoR support workforce webinar", type: "e_learning" },
  ],
  courses: [
    { title: "Cannulation and venepuncture", provider: "Northbrook Education Centre", costPence: 12000, days: 1 },
    { title: "Assistant practitioner imaging module", provider: "Eastfield University", costPence: 95000, days: 10 },
  ],
  achievements: [
    "Helped open the new CT scanner lists on Saturdays.",
    "Reduced waiting-room delays by preparing patients ahead of their slot.",
    "Became the department's go-to person for the MRI safety checklist.",
  ],
  seniorOption: THERAPY,
};

const ambulance: ProfessionContent = {
  registrant: { title: "Paramedic", prefix: "PA" },
  titles: {
    trainee: ["Trainee Emergency Care Assistant"],
    apprentice: ["Apprentice Ambulance Support Worker"],
    support_worker: ["Ambulance Care Assistant", "Emergency Care Assistant"],
    senior_support_worker: ["Emergency Care Support Worker", "Senior Ambulance Care Assistant"],
    level4: ["Associate Ambulance Practitioner"],
    assistant_practitioner: ["Assistant Practitioner (Emergency Care)"],
  },
  goals: [
    {
      title: "Complete the blue-light driving course",
      why: "Crews need support workers who can drive under emergency conditions.",
      success: "Emergency response driving qualification passed.",
      domains: [5, 1],
      support: ["formal_course", "funding"],
      actions: [
        ["Apply for the next driving course intake", "worker"],
        ["Release from the rota for the course weeks", "manager"],
      ],
    },
    {
      title: "Gain confidence with 12-lead ECG acquisition and transmission",
      why: "Fast ECG transmission shortens time to treatment for heart attacks.",
      success: "Twenty ECGs acquired under supervision with correct lead placement.",
      domains: [3],
      support: ["supervision", "informal_learning"],
      actions: [
        ["Complete the ECG e-learning module", "worker"],
        ["Log supervised ECGs with the crew paramedic", "worker"],
      ],
    },
    {
      title: "Become a peer supporter for the wellbeing network",
      why: "Crews deal with traumatic jobs and value support from colleagues.",
      success: "Peer supporter training completed and listed on the network rota.",
      domains: [6, 5],
      support: ["formal_course", "protected_time"],
      actions: [
        ["Complete the peer support training", "worker"],
        ["Agree time for peer support on the rota", "manager"],
      ],
    },
  ],
  tasks: [
    "Patient observations and NEWS2 scoring on scene",
    "12-lead ECG acquisition for the paramedic",
    "Safe moving of patients with carry chair and scoop stretcher",
    "Vehicle and equipment checks at the start of shift",
    "Basic life support and defibrillator use as part of a crew",
  ],
  cpd: [
    { title: "Major incident awareness", type: "in_house" },
    { title: "Ride-out with the hazardous area response team", type: "shadowing" },
    { title: "Reading: recognising sepsis in the community", type: "reading" },
  ],
  courses: [
    { title: "Emergency response driving (blue light)", provider: "Trust driving school", costPence: 120000, days: 15 },
    { title: "Trauma care for ambulance support workers", provider: "Northbrook Education Centre", costPence: 15000, days: 1 },
  ],
  achievements: [
    "Kept vehicle checks at 100% through the winter pressures.",
    "Supported a new starter through their first month on the road.",
    "Recognised in a patient letter for calm care at a difficult scene.",
  ],
  seniorOption: null,
};

const podiatry: ProfessionContent = {
  registrant: { title: "Podiatrist", prefix: "CH" },
  titles: {
    trainee: ["Trainee Foot Health Support Worker"],
    apprentice: ["Apprentice Podiatry Support Worker"],
    support_worker: ["Podiatry Assistant", "Foot Health Support Worker"],
    senior_support_worker: ["Senior Podiatry Assistant"],
    level4: ["Podiatry Technical Instructor"],
    assistant_practitioner: ["Assistant Practitioner (Podiatry)", "Foot Health Assistant Practitioner"],
  },
  goals: [
    {
      title: "Carry out annual diabetic foot screening independently",
      why: "Screening by trained assistants frees podiatrists for high-risk patients.",
      success: "Signed off for screening; thirty screens audited with correct risk categories.",
      domains: [3, 2],
      support: ["supervision", "formal_course"],
      actions: [
        ["Complete the diabetic foot screening course", "worker"],
        ["Do ten screens with a podiatrist present", "worker"],
      ],
    },
    {
      title: "Run the nail-care clinic at Eastfield health centre",
      why: "Routine nail care can be done by assistants, shortening the waiting list.",
      success: "Clinic running weekly with no incidents.",
      domains: [2, 6],
      support: ["protected_time"],
      actions: [
        ["Agree the clinic template", "manager"],
        ["Run four supervised clinics", "worker"],
      ],
    },
  ],
  tasks: [
    "Routine nail care under protocol",
    "Annual diabetic foot screening",
    "Dressing changes following a podiatrist's plan",
    "Footwear advice using agreed leaflets",
  ],
  cpd: [
    { title: "Infection prevention in podiatry clinics", type: "in_house" },
    { title: "Observed the high-risk foot clinic", type: "shadowing" },
  ],
  courses: [{ title: "Diabetic foot screening", provider: "Eastfield University", costPence: 22000, days: 2 }],
  achievements: ["Took on the Eastfield nail-care clinic single-handed for two months.", "Reorganised the instrument tracking system."],
  seniorOption: THERAPY,
};

const odp: ProfessionContent = {
  registrant: { title: "Operating Department Practitioner", prefix: "ODP" },
  titles: {
    trainee: ["Trainee Theatre Support Worker"],
    apprentice: ["Apprentice Theatre Support Worker"],
    support_worker: ["Theatre Support Worker", "Operating Department Assistant"],
    senior_support_worker: ["Senior Theatre Support Worker"],
    level4: ["Surgical Care Support Worker (level 4)"],
    assistant_practitioner: ["Assistant Practitioner (Theatres)"],
  },
  goals: [
    {
      title: "Complete the scrub role competencies for minor procedures",
      why: "Lists are delayed when a scrub practitioner is not available for minor cases.",
      success: "Scrub competencies signed off for the agreed minor procedures.",
      domains: [3],
      support: ["supervision", "practice_educator"],
      actions: [
        ["Scrub for ten minor cases under supervision", "worker"],
        ["Arrange sign-off with the theatre educator", "manager"],
      ],
    },
    {
      title: "Lead the weekly theatre stock rotation",
      why: "Expired stock is wasted and causes delays mid-list.",
      success: "Expired stock write-offs fall over six months.",
      domains: [6, 8],
      support: ["protected_time"],
      actions: [["Set up a date-check rota", "worker"], ["Report write-offs monthly", "worker"]],
    },
  ],
  tasks: ["Preparing theatres and equipment before lists", "Positioning patients under supervision", "Circulating during procedures", "Counting swabs and instruments with the scrub practitioner"],
  cpd: [
    { title: "Surgical safety checklist refresher", type: "in_house" },
    { title: "Observed the anaesthetic practitioner role", type: "shadowing" },
  ],
  courses: [{ title: "Perioperative care for support workers", provider: "Eastfield University", costPence: 30000, days: 3 }],
  achievements: ["Kept the orthopaedic theatre running smoothly during refurbishment.", "Helped induct three new theatre support workers."],
  seniorOption: "Theatre support",
};

const radiographyTherapeutic: ProfessionContent = {
  registrant: { title: "Therapeutic Radiographer", prefix: "RA" },
  titles: {
    trainee: ["Trainee Radiotherapy Support Worker"],
    apprentice: ["Apprentice Radiotherapy Support Worker"],
    support_worker: ["Radiotherapy Support Worker", "Radiotherapy Department Assistant"],
    senior_support_worker: ["Senior Radiotherapy Support Worker"],
    level4: ["Radiotherapy Technical Support Worker"],
    assistant_practitioner: ["Assistant Practitioner (Radiotherapy)"],
  },
  goals: [
    {
      title: "Complete the mould room assistant competencies",
      why: "Immobilisation masks are a bottleneck before treatment starts.",
      success: "Competencies signed off and assisting in the mould room weekly.",
      domains: [3],
      support: ["supervision"],
      actions: [["Shadow the mould room technologist", "worker"], ["Complete supervised mask preparations", "worker"]],
    },
    {
      title: "Run the patient information sessions before first treatment",
      why: "Patients are anxious before their first session and ask the same questions.",
      success: "Sessions running twice a week with feedback collected.",
      domains: [4, 2],
      support: ["practice_educator"],
      actions: [["Co-deliver sessions with a radiographer", "worker"]],
    },
  ],
  tasks: ["Preparing patients for radiotherapy treatment", "Immobilisation equipment preparation", "Escorting patients and checking identity"],
  cpd: [{ title: "Radiation protection for support staff", type: "e_learning" }],
  courses: [{ title: "Communication skills in cancer care", provider: "Regional cancer alliance", costPence: 0, days: 1 }],
  achievements: ["Helped redesign the treatment waiting area.", "Supported patients through the new appointment reminder system."],
  seniorOption: THERAPY,
};

const orthoptics: ProfessionContent = {
  registrant: { title: "Orthoptist", prefix: "OR" },
  titles: {
    trainee: ["Trainee Orthoptic Assistant"],
    apprentice: ["Apprentice Eye Clinic Support Worker"],
    support_worker: ["Orthoptic Assistant", "Eye Clinic Support Worker"],
    senior_support_worker: ["Senior Orthoptic Assistant"],
    level4: ["Orthoptic Technical Assistant"],
    assistant_practitioner: ["Assistant Practitioner (Orthoptics)"],
  },
  goals: [
    {
      title: "Carry out visual acuity screening in primary schools",
      why: "School screening picks up reduced vision early.",
      success: "Signed off for school screening and completed one term's programme.",
      domains: [3, 2],
      support: ["supervision"],
      actions: [["Observe two screening sessions", "worker"], ["Screen under supervision", "worker"]],
    },
  ],
  tasks: ["Visual acuity testing", "School vision screening", "Preparing clinic rooms and equipment"],
  cpd: [{ title: "Children's vision screening update", type: "in_house" }],
  courses: [{ title: "Vision screening training", provider: "Eastfield University", costPence: 14000, days: 1 }],
  achievements: ["Completed the schools screening programme on time."],
  seniorOption: THERAPY,
};

const prosthetics: ProfessionContent = {
  registrant: { title: "Orthotist", prefix: "PO" },
  titles: {
    trainee: ["Trainee Orthotic Technician"],
    apprentice: ["Apprentice Orthotic Technician"],
    support_worker: ["Orthotic Assistant", "Prosthetic and Orthotic Support Worker"],
    senior_support_worker: ["Senior Orthotic Assistant"],
    level4: ["Orthotic Technician"],
    assistant_practitioner: ["Assistant Practitioner (Orthotics)"],
  },
  goals: [
    {
      title: "Fit off-the-shelf insoles and splints under protocol",
      why: "Simple fittings can be done by trained assistants, cutting waiting times.",
      success: "Signed off for the agreed devices; twenty fittings audited.",
      domains: [3],
      support: ["supervision"],
      actions: [["Complete supervised fittings", "worker"], ["Audit fittings with the orthotist", "manager"]],
    },
  ],
  tasks: ["Fitting off-the-shelf insoles", "Taking casts and measurements for the orthotist", "Adjusting splints within protocol"],
  cpd: [{ title: "Observed the prosthetic limb clinic", type: "shadowing" }],
  courses: [{ title: "Orthotic casting techniques", provider: "Eastfield University", costPence: 25000, days: 2 }],
  achievements: ["Reduced repeat appointments by checking device fit at collection."],
  seniorOption: THERAPY,
};

const arts: ProfessionContent = {
  registrant: { title: "Arts Therapist", prefix: "AS" },
  titles: {
    trainee: ["Trainee Arts Therapies Assistant"],
    apprentice: ["Apprentice Therapy Support Worker"],
    support_worker: ["Arts Therapies Assistant", "Creative Activities Support Worker"],
    senior_support_worker: ["Senior Arts Therapies Assistant"],
    level4: ["Arts Therapies Technical Instructor"],
    assistant_practitioner: ["Assistant Practitioner (Arts Therapies)"],
  },
  goals: [
    {
      title: "Co-facilitate the open art studio group on the ward",
      why: "The group gives patients a safe, creative space between therapy sessions.",
      success: "Co-facilitated the weekly group for three months with reflective notes.",
      domains: [2, 6],
      support: ["supervision", "practice_educator"],
      actions: [["Co-facilitate with the art therapist", "worker"], ["Write a reflection after each group", "worker"]],
    },
  ],
  tasks: ["Setting up and co-facilitating creative groups", "Preparing materials and the studio", "Supporting patients to attend sessions"],
  cpd: [{ title: "Trauma-informed care in group settings", type: "in_house" }],
  courses: [{ title: "Introduction to group facilitation", provider: "Northbrook Education Centre", costPence: 8000, days: 1 }],
  achievements: ["Kept the studio group running during the therapist's leave."],
  seniorOption: THERAPY,
};

export const PROFESSION_CONTENT: Partial<Record<ProfessionCode, ProfessionContent>> = {
  physio,
  ot,
  slt,
  dietetics,
  "radiography-diagnostic": radiographyDiagnostic,
  "radiography-therapeutic": radiographyTherapeutic,
  ambulance,
  paramedic: ambulance,
  podiatry,
  odp,
  orthoptics,
  "prosthetics-orthotics": prosthetics,
  "art-therapy": arts,
  "music-therapy": { ...arts, registrant: { title: "Music Therapist", prefix: "AS" } },
  "drama-therapy": { ...arts, registrant: { title: "Dramatherapist", prefix: "AS" } },
};

export function contentFor(code: ProfessionCode): ProfessionContent {
  return PROFESSION_CONTENT[code] ?? physio;
}

/** Goals any support worker might have, beyond their profession's clinical work. */
export const GENERIC_GOALS: GoalTemplate[] = [
  {
    title: "Complete level 2 functional skills in maths",
    why: "Level 2 maths is needed to start the next apprenticeship.",
    success: "Functional skills level 2 maths passed.",
    domains: [1, 7],
    support: ["formal_course", "protected_time"],
    actions: [
      ["Enrol with the trust's learning hub", "worker"],
      ["Agree two hours a week of study time", "manager"],
      ["Book the exam", "worker"],
    ],
  },
  {
    title: "Mentor the next new starter through their induction",
    why: "New starters settle faster with a named buddy, and mentoring builds leadership skills.",
    success: "New starter completes the Care Certificate on time with regular buddy meetings recorded.",
    domains: [6, 7],
    support: ["practice_educator"],
    actions: [
      ["Attend the trust's buddy training session", "worker"],
      ["Meet the new starter weekly for the first six weeks", "worker"],
    ],
  },
  {
    title: "Take part in a quality improvement project with the team",
    why: "Support workers see where processes break down and can lead small changes.",
    success: "A small test of change completed and shared at the team meeting.",
    domains: [8],
    support: ["informal_learning", "protected_time"],
    actions: [
      ["Complete the trust's QI bronze e-learning", "worker"],
      ["Choose a small improvement with the team lead", "manager"],
      ["Present the results at the team meeting", "worker"],
    ],
  },
  {
    title: "Build a reflective CPD portfolio",
    why: "A portfolio shows learning over time and supports applications for the next step.",
    success: "At least six reflective entries over the year, discussed in supervision.",
    domains: [7, 1],
    support: ["supervision", "informal_learning"],
    actions: [["Write a reflection after each training session", "worker"], ["Review the portfolio in supervision each quarter", "manager"]],
  },
  {
    title: "Become the team's infection prevention link",
    why: "Each team needs a named link who keeps practice up to date and audits hand hygiene.",
    success: "Link role training attended and monthly hand hygiene audits submitted.",
    domains: [5, 6],
    support: ["formal_course"],
    actions: [["Attend the link practitioner study day", "worker"], ["Submit the monthly audit", "worker"]],
  },
  {
    title: "Improve confidence in recording in the electronic patient record",
    why: "Clear notes keep patients safe and save the registered staff from rewriting entries.",
    success: "Notes audit shows entries meet the record-keeping standard.",
    domains: [4],
    support: ["supervision"],
    actions: [["Complete the record-keeping e-learning", "worker"], ["Audit five sets of notes together", "manager"]],
  },
  {
    title: "Complete the Care Certificate",
    why: "The Care Certificate sets out the standards every new support worker should meet.",
    success: "All fifteen standards signed off within twelve weeks of starting.",
    domains: [1, 5],
    support: ["practice_educator", "protected_time"],
    actions: [["Complete the workbook standards", "worker"], ["Observed practice sign-off", "manager"]],
  },
];

export const OBJECTIVE_REVIEW_COMMENTS: Record<"met" | "partly_met" | "not_met", string[]> = {
  met: ["Achieved ahead of the target date.", "Fully met, with good feedback from the team.", "Met; now part of day-to-day work."],
  partly_met: [
    "Good progress, but the course date moved so this carries forward.",
    "Partly met: started well but winter pressures took the protected time.",
    "Most of the work done; sign-off still to arrange.",
  ],
  not_met: [
    "Not met: the course was cancelled twice. Carried forward.",
    "Not met because of staffing on the ward; agreed to try again with protected time.",
  ],
};

export const APPRAISAL_TEXT = {
  wellbeing: [
    "Feels well supported by the team. Finds the early starts tiring but manageable.",
    "Says workload has been heavy this winter; we agreed to review the rota and use the wellbeing hub.",
    "Enjoying the role and feels settled. No concerns raised.",
    "Has had a difficult year at home; flexible working agreed and occupational health referral offered.",
    "Feels confident and would like more responsibility.",
  ],
  feedback: [
    "Colleagues describe them as reliable, calm and kind with patients.",
    "Registered staff value their clear handovers and attention to detail.",
    "Patient feedback mentions their patience and good humour.",
    "Positive feedback from the practice educator about how they support students.",
  ],
  trainingNeeds: [
    "Wants to build clinical skills towards the next level; interested in an apprenticeship.",
    "Needs moving and handling and basic life support updates this year.",
    "Would like training in leading groups and presenting to colleagues.",
    "Needs support with level 2 maths before any apprenticeship application.",
    "Interested in dementia awareness training at tier 2.",
  ],
  summary: [
    "A strong year. Works confidently within their scope and is ready for more responsibility.",
    "Steady progress. Objectives agreed to consolidate clinical skills before the next step.",
    "A valued member of the team who has coped well with a very busy year.",
    "Has grown in confidence; we agreed a clear plan towards the next stage.",
  ],
  workerComments: [
    "I agree with the summary and I'm pleased with the plan for next year.",
    "Thank you for the support this year. I'd like to keep protected time for study.",
    "Happy with the appraisal. I'd like to talk more about apprenticeships at our next one-to-one.",
    "Agreed. I found the year hard at times but feel supported.",
    "",
  ],
} as const;

export const PROGRESS_NOTES = [
  "Observed two sessions this month; feeling more confident.",
  "Course booked for next month.",
  "Started the work; rota pressures slowed things down in the last few weeks.",
  "First supervised session went well; feedback from the physiotherapist was positive.",
  "Halfway there. Agreed next steps at supervision.",
  "Discussed at one-to-one: on track.",
];

export const REFLECTIONS = [
  "I was nervous leading the session but the patients got involved and it went better than I expected. Next time I'll plan a shorter warm-up.",
  "Watching the specialist made me realise how much I can learn from how they explain things simply. I'm going to use the same approach with families.",
  "I found it hard to make time for this on busy days. Booking the time in the diary made the difference.",
  "Getting feedback on my notes was uncomfortable at first, but my entries are clearer now and the team has noticed.",
  "I realised I already do more of this than I thought; writing it down helped me see my progress.",
];

export const PDP_REVIEW_SUMMARIES = [
  "Good progress on all goals. One action carried forward because of annual leave.",
  "Reviewed goals together; the course goal is delayed by funding, others on track.",
  "Two goals on track, one deferred because of ward pressures. Agreed protected time for next quarter.",
  "Mid-year review: one goal achieved, the others progressing. PDP updated.",
  "Quick review at supervision; no changes needed.",
];

export const BARRIER_DETAILS: Record<BarrierCategory, string[]> = {
  availability_of_training: [
    "The only course dates this year clash with the clinic rota.",
    "No local provider runs this course; the nearest is two hours away.",
    "Course was cancelled by the provider twice.",
  ],
  financial: [
    "No training budget left this financial year.",
    "Can't afford the travel to university study days.",
    "Would need to drop hours to study, which isn't affordable.",
  ],
  time_constraints: [
    "Protected study time keeps being cancelled because of staffing.",
    "Too busy on the ward to complete the supervised sessions.",
    "Caring responsibilities at home limit time for study after work.",
  ],
  organisational_support: [
    "Not clear who can sign off this competency in the team.",
    "Support worker development isn't discussed at team meetings.",
    "Registered staff unsure what support workers are allowed to do.",
  ],
  other: ["Long-term sickness absence paused the work.", "Moved base, so the original plan no longer fits."],
};

export const CAREER_DETAIL: Record<string, string[]> = {
  stay_and_grow: ["Enjoys the current role and wants to deepen skills in the specialty.", "Happy in the role for now; wants more variety."],
  senior_support_worker: ["Wants to step up to senior support worker within two years.", "Interested in the senior role on the rehabilitation unit."],
  assistant_practitioner: [
    "Wants to become an assistant practitioner and take on a delegated caseload.",
    "Would like to train as an assistant practitioner through the level 5 apprenticeship.",
  ],
  degree_apprenticeship: ["Keen to do the degree apprenticeship and register with the HCPC.", "Would like to qualify as a registered professional without leaving work."],
  registered_professional: ["Long-term aim is to qualify as a registered professional.", "Plans to apply to university in two years."],
  other: ["Interested in moving into practice education.", "Thinking about a move into the trust's training team."],
};

export const OPTIONS_DISCUSSED = [
  "Senior healthcare support worker apprenticeship (level 3, therapy support option); level 3 diploma; internal senior posts.",
  "Assistant practitioner (health) apprenticeship (level 5) with Eastfield University; foundation degree part-time; secondment.",
  "Degree apprenticeship intake next September; entry requirements; shadowing registered staff; level 2 maths first.",
  "Staying in role with more responsibility: link roles, leading groups, practice-educator support for students.",
  "Functional skills English and maths, Care Certificate, and the trust's career clinic.",
];

export const CAREER_STEPS: Record<string, string[]> = {
  stay_and_grow: ["Take on the team's link role for moving and handling", "Shadow a colleague in another specialty for a day"],
  senior_support_worker: ["Complete the Level 3 Diploma modules", "Ask about the next senior support worker vacancy", "Take the lead on one group each week"],
  assistant_practitioner: [
    "Complete level 2 functional skills maths",
    "Talk to the practice educator about the next assistant practitioner apprenticeship intake",
    "Shadow an assistant practitioner for two shifts",
  ],
  degree_apprenticeship: ["Check the university's entry requirements", "Attend the degree apprenticeship open evening", "Ask the manager about backfill funding"],
  registered_professional: ["Research university courses and open days", "Arrange a day shadowing a registered professional"],
  other: ["Meet the practice education lead", "Complete the Level 3 Award in Education and Training application"],
};

export const GENERIC_CPD: CpdTemplate[] = [
  { title: "Basic life support update", type: "in_house" },
  { title: "Safeguarding adults level 2", type: "e_learning" },
  { title: "Safeguarding children level 2", type: "e_learning" },
  { title: "Information governance and data security refresher", type: "e_learning" },
  { title: "Moving and handling update", type: "in_house" },
  { title: "Infection prevention and control refresher", type: "e_learning" },
  { title: "Oliver McGowan training on learning disability and autism (tier 1)", type: "e_learning" },
  { title: "Equality, diversity and human rights", type: "e_learning" },
  { title: "Dementia awareness (tier 1)", type: "e_learning" },
  { title: "Reflective practice session with the team", type: "reflective_practice" },
  { title: "Clinical supervision: reflecting on a complex case", type: "supervision" },
  { title: "AHP support worker network meeting", type: "conference" },
  { title: "Reading: the AHP support worker framework", type: "reading" },
  { title: "Shadowed a colleague in another team", type: "shadowing" },
];

export const GENERIC_COURSES = [
  { title: "Level 3 Award in Education and Training", provider: "Northbrook and District College", costPence: 42500, days: 6 },
  { title: "Mental Health First Aid", provider: "Northbrook Education Centre", costPence: 15000, days: 2 },
  { title: "Dementia care (tier 2)", provider: "Northbrook Education Centre", costPence: 0, days: 1 },
  { title: "Leadership for support workers", provider: "Regional leadership academy", costPence: 25000, days: 3 },
  { title: "AHP support worker conference", provider: "Regional AHP faculty", costPence: 7500, days: 1 },
];

export const CPD_REFLECTIONS = {
  what: [
    "Attended the session with colleagues from across the service.",
    "Spent the day with a team I don't usually work with.",
    "Read the article and discussed it at the team huddle.",
    "Completed the module and the assessment.",
  ],
  soWhat: [
    "It showed me why the protocol is written the way it is.",
    "I realised I'd been doing one step out of order.",
    "It gave me words to explain things to patients more clearly.",
    "I feel more confident to speak up when something isn't right.",
  ],
  nowWhat: [
    "I'll share what I learnt at the next team meeting.",
    "I'm going to use the checklist on every visit.",
    "I've asked to shadow again next quarter.",
    "I'll ask for this to be signed off at supervision.",
  ],
};

export const DECLINE_DETAILS: Record<DeclineReason, string[]> = {
  funding: ["No budget left this year; resubmit in April.", "Course fee too high for the team budget this year."],
  time_or_cover: ["Can't release from the rota on those dates.", "No cover available during winter pressures."],
  availability_of_training: ["Course full; added to the waiting list.", "Provider has withdrawn the course."],
  not_relevant: ["Not linked to the role or the PDP; suggested an alternative."],
  other: ["Needs the prerequisite module first."],
};

export const SUPERVISION_TEXT = {
  clinical: {
    summary: [
      "Discussed a complex patient and when to escalate to the registered clinician.",
      "Reviewed delegated tasks; all within scope and carried out safely.",
      "Reflected on a difficult conversation with a family.",
      "Talked through the competency evidence for sign-off.",
    ],
    actions: ["Read the updated protocol before next session.", "Bring two case notes to next supervision.", "None.", "Arrange a joint session next week."],
  },
  managerial: {
    summary: [
      "Workload, annual leave and PDP progress reviewed.",
      "Checked mandatory training; two modules due next month.",
      "Discussed wellbeing and the rota; no concerns.",
      "Reviewed progress on PDP goals and the apprenticeship interest.",
    ],
    actions: ["Book mandatory training.", "Update the PDP with the new course date.", "None.", "Manager to check the training budget."],
  },
};

export const LEAVING_REASONS = [
  "Promotion to a role in another trust",
  "Started a pre-registration degree",
  "Relocation",
  "Retirement",
  "Work–life balance",
  "Moved to a role in social care",
  "End of fixed-term contract",
];

export const PROVIDERS = ["Northbrook and District College", "Eastfield University", "Healthcare Apprenticeships North", "Westmoor College"];

export const OTJ_ACTIVITIES = [
  ["Taught session at college", "Anatomy and physiology module."],
  ["Online learning module", "Completed the module and the quiz."],
  ["Shadowing a registered practitioner", "Spent the afternoon with the registered practitioner on assessments."],
  ["Practical skills training", "Skills lab: observations and moving and handling."],
  ["Assignment writing", "Worked on the reflective assignment."],
  ["Mentoring session", "Met the workplace mentor to review the portfolio."],
  ["Simulation", "Simulated deteriorating patient scenario."],
] as const;

export const BREAK_REASONS = ["Maternity leave", "Long-term sickness absence", "Caring responsibilities at home"];

export const WITHDRAWAL_REASONS = [
  "Could not get protected off-the-job time on the ward; agreed to withdraw and try again next year.",
  "Personal reasons: caring responsibilities at home.",
  "Decided the programme was not the right route; exploring the level 3 diploma instead.",
];

export const TRIPARTITE = {
  progress: [
    "On track with modules and portfolio.",
    "Good progress in practice; academic work slightly behind.",
    "Modules passed; portfolio evidence growing steadily.",
    "Making progress but off-the-job hours are behind plan.",
  ],
  concerns: ["", "", "Off-the-job hours behind; ward pressures.", "Needs support with academic writing."],
  actions: [
    "Protect Wednesday afternoons for off-the-job learning.",
    "Tutor to share the study skills resources.",
    "Mentor to observe two practice competencies before next review.",
    "Book the next review with the provider.",
  ],
};

export const EVIDENCE_TEXT: Record<string, string[]> = {
  direct_observation: ["Observed carrying out the task safely with a patient on the ward.", "Observed in clinic by the supervising clinician."],
  professional_discussion: ["Discussed the rationale and when to escalate.", "Talked through three recent cases."],
  document: ["Certificate of completion uploaded.", "Audit of documentation attached."],
  reflective_account: ["Written reflection on a recent session.", "Reflective account of a challenging situation."],
  witness_testimony: ["Statement from a registered colleague.", "Feedback from the practice educator."],
};
