// The resources hub: the professional-body and union resources named in the 2025 statement
// "Optimising the contribution of the AHP support workforce" (seed 004) and its appendix, the
// other AHP professional bodies, the HEE framework, and supervision and delegation guidance.
// Web addresses change: entries marked "URL to verify" are deep links that should be checked
// when seeding a live system; the rest are home pages or addresses given in the seeds.
import type { ResourceSeed } from "./types";

export const resources: ResourceSeed[] = [
  /* ---------------------------------------------------- national framework and programme */
  {
    title: "AHP Support Worker Competency, Education and Career Development Framework (HEE, 2021)",
    body: "The national framework this product's competencies are based on. It sets out the education, experience and competencies expected at entry, intermediate and assistant practitioner stages across eight domains, and the routes for progressing between them.",
    professionCode: null,
    type: "career_framework",
    url: "https://www.hee.nhs.uk/our-work/allied-health-professions/enable-workforce/developing-role-ahp-support-workers/ahp-support-worker-competency-education-career-development",
  },
  {
    title: "Developing the role of AHP support workers (NHS England)",
    body: "The national AHP support workforce programme, now part of NHS England's workforce, training and education directorate. It brings together case studies, implementation guidance and news on education and career development for support workers.",
    professionCode: null,
    type: "other",
    url: "https://www.hee.nhs.uk/our-work/allied-health-professions/enable-workforce/developing-role-ahp-support-workers",
  },

  /* ---------------------------------------------------- hubs named in the statement's appendix */
  {
    title: "RCSLT support worker hub",
    body: "The Royal College of Speech and Language Therapists' hub for speech and language therapy support workers and their managers. It covers the support worker role, a competency framework built on the HEE framework, career information and case studies, and links to networks.",
    professionCode: "slt",
    type: "professional_body",
    url: "https://www.rcslt.org/members/your-career/support-workers-hub/",
  },
  {
    title: "RCSLT support workforce toolkit",
    body: "Practical tools for putting the RCSLT support worker framework into practice: core and clinical competencies, CPD portfolio templates, guidance on safe delegation and supervision, reflective practice and a risk tool.",
    professionCode: "slt",
    type: "supervision_delegation",
    url: "https://www.rcslt.org/members/your-career/support-workers-hub/support-workforce-toolkit/",
  },
  {
    title: "BDA dietetic support workforce hub",
    body: "The British Dietetic Association's pages for the dietetic support workforce. They explain the supportive and assistive levels of practice, roles and responsibilities guidance, and answer common questions about working alone and within scope.",
    professionCode: "dietetics",
    type: "professional_body",
    url: "https://www.bda.uk.com/practice-and-education/career-and-workforce/dietetic-support-workforce.html", // URL to verify
  },
  {
    title: "SoR education and career framework for the radiography workforce",
    body: "The Society of Radiographers' framework describing roles and education at each level of the radiography workforce, including support workers and assistant practitioners in diagnostic and therapeutic radiography. Use it to see what each level involves and how to progress.",
    professionCode: null,
    type: "career_framework",
    url: "https://www.sor.org/learning/document-library/education-and-career-framework-radiography-workforce",
  },
  {
    title: "SoR scope of practice of assistant practitioners",
    body: "The Society of Radiographers' guidance on what assistant practitioners in diagnostic and therapeutic radiography may do, how their work is delegated and supervised, and the education they need.",
    professionCode: null,
    type: "role_guide",
    url: "https://www.sor.org/learning/document-library/scope-practice-assistant-practitioners",
  },
  {
    title: "CSP associates and support workers network",
    body: "The Chartered Society of Physiotherapy's network for physiotherapy support workers and associate members. It offers news, CPD resources, events and a community of peers, plus information on membership and workplace representation.",
    professionCode: "physio",
    type: "professional_body",
    url: "https://www.csp.org.uk/networks/associates-support-workers",
  },
  {
    title: "RCOT career development framework",
    body: "The Royal College of Occupational Therapists' career framework, which describes levels of practice from support worker through to consultant across the pillars of practice. Support workers can use it to plan development and career conversations.",
    professionCode: "ot",
    type: "career_framework",
    url: "https://www.rcot.co.uk/sites/default/files/CAREER_FRAMEWORK.pdf",
  },

  {
    title: "NES Healthcare Support Worker Development and Education Framework (Scotland)",
    body: "NHS Education for Scotland's framework for nursing, midwifery and allied health professions healthcare support workers, named in the 2025 statement. It describes the knowledge and skills expected at each level from 2 to 4, and learning to help support workers move between them.",
    professionCode: null,
    type: "career_framework",
    url: "https://www.nes.scot.nhs.uk",
  },

  /* ---------------------------------------------------- supervision and delegation */
  {
    title: "Supervision, accountability and delegation of activities to support workers",
    body: "An intercollegiate guide for registered practitioners and support workers, developed by the CSP with the RCSLT, BDA and RCN. It explains how delegation works, who is accountable for what, and the supervision support workers should receive.",
    professionCode: null,
    type: "supervision_delegation",
    url: "https://www.csp.org.uk/publications/supervision-accountability-delegation-activities-support-workers-guide-registered", // URL to verify
  },
  {
    title: "CSP: frequently asked questions on support worker delegation",
    body: "Plain answers to common questions about delegation to physiotherapy support workers, such as who may delegate a task and how accountability is shared between the registered professional and the support worker.",
    professionCode: "physio",
    type: "supervision_delegation",
    url: "https://www.csp.org.uk/content/faqs-support-worker-delegation",
  },

  {
    title: "Health and Care Professions Council (HCPC)",
    body: "The regulator of the allied health professions it registers. Its standards of conduct, performance and ethics ask registered professionals to delegate only work the person can safely do, and to keep supervising it. Support workers are not registered, but these standards shape the tasks delegated to them.",
    professionCode: null,
    type: "supervision_delegation",
    url: "https://www.hcpc-uk.org",
  },

  /* ---------------------------------------------------- role and responsibility guides */
  {
    title: "NHS Health Careers",
    body: "The NHS's careers site. It describes support roles in each allied health profession, what the work involves, and the routes into the registered professions, including apprenticeships.",
    professionCode: null,
    type: "role_guide",
    url: "https://www.healthcareers.nhs.uk",
  },
  {
    title: "Skills for Health: Code of Conduct for Healthcare Support Workers",
    body: "Skills for Health publishes, with Skills for Care, the Code of Conduct for Healthcare Support Workers and Adult Social Care Workers in England, which sets out the standards of behaviour and responsibility expected of every support worker. It also runs the Core Skills Training Framework for statutory and mandatory training.",
    professionCode: null,
    type: "role_guide",
    url: "https://www.skillsforhealth.org.uk",
  },

  /* ---------------------------------------------------- professional bodies and union */
  {
    title: "Royal College of Speech and Language Therapists (RCSLT)",
    body: "The professional body for speech and language therapy. Support workers can join as members and find professional guidance, clinical information, learning and the support worker hub.",
    professionCode: "slt",
    type: "professional_body",
    url: "https://www.rcslt.org",
  },
  {
    title: "British Dietetic Association (BDA)",
    body: "The professional body and trade union for dietetics. Dietetic support workers can join as members and find professional guidance, learning, workplace representation and the dietetic support workforce hub.",
    professionCode: "dietetics",
    type: "professional_body",
    url: "https://www.bda.uk.com",
  },
  {
    title: "Chartered Society of Physiotherapy (CSP)",
    body: "The professional body and trade union for physiotherapy. Support workers can join as associate members for workplace representation, professional guidance, learning resources and the associates and support workers network.",
    professionCode: "physio",
    type: "professional_body",
    url: "https://www.csp.org.uk",
  },
  {
    title: "Royal College of Occupational Therapists (RCOT)",
    body: "The professional body for occupational therapy. Support workers can join as associate members and find professional standards, learning resources and career guidance.",
    professionCode: "ot",
    type: "professional_body",
    url: "https://www.rcot.co.uk",
  },
  {
    title: "Society of Radiographers (SoR)",
    body: "The professional body and trade union for the radiography workforce, including assistants and assistant practitioners in both diagnostic and therapeutic radiography. It offers membership, workplace representation, guidance and CPD.",
    professionCode: null,
    type: "professional_body",
    url: "https://www.sor.org",
  },
  {
    title: "British Association for Music Therapy (BAMT)",
    body: "The professional body for music therapy in the UK, a signatory to the 2025 statement. It publishes guidance and news on music therapy practice and training, and runs events and networks.",
    professionCode: "music-therapy",
    type: "professional_body",
    url: "https://www.bamt.org",
  },
  {
    title: "British Association of Dramatherapists (BADth)",
    body: "The professional body for dramatherapy in the UK, a signatory to the 2025 statement. It provides information on dramatherapy practice, training routes and professional standards.",
    professionCode: "drama-therapy",
    type: "professional_body",
    url: "https://www.badth.org.uk",
  },
  {
    title: "British Association of Art Therapists (BAAT)",
    body: "The professional body for art therapy in the UK. It provides information on art therapy practice, training routes, events and professional guidance.",
    professionCode: "art-therapy",
    type: "professional_body",
    url: "https://www.baat.org",
  },
  {
    title: "British and Irish Orthoptic Society (BIOS)",
    body: "The professional body for orthoptics, a signatory to the 2025 statement. It provides guidance on orthoptic practice, careers information and professional development resources.",
    professionCode: "orthoptics",
    type: "professional_body",
    url: "https://www.orthoptics.org.uk",
  },
  {
    title: "Royal College of Podiatry",
    body: "The professional body and trade union for podiatry. Podiatry support workers can find information on membership, training and the podiatry workforce.",
    professionCode: "podiatry",
    type: "professional_body",
    url: "https://rcpod.org.uk",
  },
  {
    title: "College of Paramedics",
    body: "The professional body for paramedics. It sets out the routes into paramedic practice, including degree apprenticeships, and publishes career and CPD guidance for the ambulance workforce.",
    professionCode: "paramedic",
    type: "professional_body",
    url: "https://collegeofparamedics.co.uk",
  },
  {
    title: "College of Operating Department Practitioners (CODP)",
    body: "The professional body for operating department practice. It provides standards, education information and CPD resources for the perioperative workforce, including support roles.",
    professionCode: "odp",
    type: "professional_body",
    url: "https://www.codp.org.uk",
  },
  {
    title: "British Association of Prosthetists and Orthotists (BAPO)",
    body: "The professional body for prosthetists and orthotists. It publishes professional standards and guidance, and offers CPD, events and careers information.",
    professionCode: "prosthetics-orthotics",
    type: "professional_body",
    url: "https://www.bapo.com",
  },
  {
    title: "Institute of Osteopathy",
    body: "The professional membership body for osteopaths. It provides information on osteopathic practice, careers and professional development.",
    professionCode: "osteopathy",
    type: "professional_body",
    url: "https://www.iosteopathy.org",
  },
  {
    title: "UNISON",
    body: "The public service union and a signatory to the 2025 statement. Support workers can find information on pay, terms and conditions, learning opportunities and how to get help from a workplace representative.",
    professionCode: null,
    type: "union",
    url: "https://www.unison.org.uk",
  },

  /* ---------------------------------------------------- learning */
  {
    title: "e-Learning for Healthcare (NHS England)",
    body: "Free online learning for the health and care workforce, including the Care Certificate and statutory and mandatory training modules. Useful for keeping core training in date and for self-directed CPD.",
    professionCode: null,
    type: "cpd",
    url: "https://www.e-lfh.org.uk",
  },

  /* ---------------------------------------------------- pay and terms */
  {
    title: "NHS Employers: pay and terms and conditions",
    body: "The NHS Terms and Conditions of Service Handbook (Agenda for Change) and guidance on pay bands, job evaluation and working patterns. Useful when a role, band or banding review comes up in a career conversation.",
    professionCode: null,
    type: "other",
    url: "https://www.nhsemployers.org",
  },
];
