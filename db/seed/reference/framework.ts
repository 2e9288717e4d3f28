// The HEE AHP support worker framework (Health Education England, October 2021) as seed data.
//
// The domain titles and the three stages follow the published framework. The statements are
// plain-English paraphrases written for this product: they describe what a worker at each stage
// should be able to do, in an assessable form, and are NOT the framework's published wording.
// Each number (e.g. "3.2") names one theme and recurs at every stage, growing in autonomy and
// complexity from entry to assistant practitioner. An admin can edit, version or extend them.
//
// renewalMonths marks statements a service must re-evidence: safeguarding (36 months, in line
// with the usual three-yearly refresher), and basic life support, moving and handling, infection
// prevention and control, and information governance (12 months). Local policy may differ.
import type { FrameworkSeed } from "./types";

export const hee2021: FrameworkSeed = {
  key: "hee-ahp-sw-2021",
  name: "AHP Support Worker Competency, Education and Career Development Framework",
  source:
    "Health Education England (2021) AHP Support Worker Competency, Education and Career Development Framework",
  sourceUrl:
    "https://www.hee.nhs.uk/our-work/allied-health-professions/enable-workforce/developing-role-ahp-support-workers/ahp-support-worker-competency-education-career-development",
  description:
    "The national framework for the allied health professions support workforce in England, published by Health Education England in October 2021. It describes three stages (entry, intermediate and assistant practitioner) across eight domains, sets out the education expected at each stage, and gives a route for progression from support worker towards registered practice. It sets no pay bands. The statements here are plain-English paraphrases for use in this product; check them against the published framework before treating them as its exact wording.",
  domains: [
    {
      number: 1,
      title: "Formal knowledge and experience",
      description:
        "The qualifications, experience and values a worker brings to each stage, the induction and training they complete, and the knowledge that underpins their role.",
      statements: [
        {
          stage: "entry",
          number: "1.1",
          text: "Has a level 2 qualification, such as GCSE English and maths at grade 4 (C) or Functional Skills level 2, or is gaining one through a level 2 apprenticeship such as Healthcare support worker.",
          renewalMonths: null,
        },
        {
          stage: "intermediate",
          number: "1.1",
          text: "Has a relevant level 3 qualification, such as the Level 3 Diploma in Healthcare Support, or is working towards one (for example on the Senior healthcare support worker apprenticeship, therapy support option), and has English and maths at level 2.",
          renewalMonths: null,
        },
        {
          stage: "assistant_practitioner",
          number: "1.1",
          text: "Has a level 5 qualification in health, such as a foundation degree, or is completing one through the Assistant practitioner (health) apprenticeship, and has English and maths at level 2.",
          renewalMonths: null,
        },
        {
          stage: "entry",
          number: "1.2",
          text: "Can give examples of working with members of the public, for instance in customer service, caring for a relative or volunteering; earlier health or care experience is not required.",
          renewalMonths: null,
        },
        {
          stage: "intermediate",
          number: "1.2",
          text: "Can describe experience gained in health or social care, through employment, a placement or volunteering, and explain how it shapes the way they work with service users.",
          renewalMonths: null,
        },
        {
          stage: "assistant_practitioner",
          number: "1.2",
          text: "Can evidence sustained experience in health and care, including in the specialty they now work in, and show how it informs the judgements they make day to day.",
          renewalMonths: null,
        },
        {
          stage: "entry",
          number: "1.3",
          text: "Shows the NHS values in everyday work: treats people with respect and compassion, is open and honest about mistakes, and takes an active interest in learning.",
          renewalMonths: null,
        },
        {
          stage: "intermediate",
          number: "1.3",
          text: "Shows the NHS values consistently and speaks up, through the proper route, when they see care or behaviour that falls short of them.",
          renewalMonths: null,
        },
        {
          stage: "assistant_practitioner",
          number: "1.3",
          text: "Role-models the NHS values for the support team, reflects on how their own conduct affects others, and takes ownership of their professional development.",
          renewalMonths: null,
        },
        {
          stage: "entry",
          number: "1.4",
          text: "Completes the organisation's induction and the Care Certificate standards within the agreed timescale (usually the first 12 weeks in post), and keeps statutory and mandatory training up to date.",
          renewalMonths: null,
        },
        {
          stage: "intermediate",
          number: "1.4",
          text: "Has completed the Care Certificate and the role-specific training for every task delegated to them, and keeps statutory and mandatory training in date without needing reminders.",
          renewalMonths: null,
        },
        {
          stage: "assistant_practitioner",
          number: "1.4",
          text: "Keeps all mandatory and role-specific training in date, identifies gaps in their own and the support team's training, and agrees with their manager how to close them.",
          renewalMonths: null,
        },
        {
          stage: "entry",
          number: "1.5",
          text: "Can explain what their allied health service does and who it is for, and the role of the registered professionals who delegate work to them.",
          renewalMonths: null,
        },
        {
          stage: "intermediate",
          number: "1.5",
          text: "Can explain the conditions most often seen in the service and why the interventions they deliver are used, in words a service user would understand.",
          renewalMonths: null,
        },
        {
          stage: "assistant_practitioner",
          number: "1.5",
          text: "Applies working knowledge of the anatomy, physiology and conditions relevant to their specialty to explain care plans and to adapt interventions within agreed protocols.",
          renewalMonths: null,
        },
      ],
    },
    {
      number: 2,
      title: "Supporting service users",
      description:
        "Person-centred care: putting the person, their goals and their choices at the centre, protecting dignity and privacy, gaining consent, promoting independence and health, and involving families and carers.",
      statements: [
        {
          stage: "entry",
          number: "2.1",
          text: "Treats each service user as an individual, protects their privacy and dignity, and asks about and respects their preferences when carrying out delegated care.",
          renewalMonths: null,
        },
        {
          stage: "intermediate",
          number: "2.1",
          text: "Fits delegated interventions around the person's preferences, culture and daily routine, and tells the registered professional when a plan does not suit what matters to them.",
          renewalMonths: null,
        },
        {
          stage: "assistant_practitioner",
          number: "2.1",
          text: "Agrees personal goals with service users within the care plan, reviews progress towards them, and adjusts the approach within protocol when the person's goals change.",
          renewalMonths: null,
        },
        {
          stage: "entry",
          number: "2.2",
          text: "Explains each task in plain language and gains consent before starting; stops and asks for advice if the person declines or seems unable to make the decision.",
          renewalMonths: null,
        },
        {
          stage: "intermediate",
          number: "2.2",
          text: "Gains and records consent for the interventions they carry out, recognises when a person may lack capacity to make a decision, and escalates to the registered professional.",
          renewalMonths: null,
        },
        {
          stage: "assistant_practitioner",
          number: "2.2",
          text: "Applies the principles of the Mental Capacity Act 2005 in their own practice, contributes to best-interests discussions, and helps colleagues gain and record consent correctly.",
          renewalMonths: null,
        },
        {
          stage: "entry",
          number: "2.3",
          text: "Encourages service users to do as much as they safely can for themselves during activities such as washing, dressing, eating or walking, as set out in their care plan.",
          renewalMonths: null,
        },
        {
          stage: "intermediate",
          number: "2.3",
          text: "Supports service users to practise and progress the exercises, activities or strategies set by the registered professional, and records how well they are managing.",
          renewalMonths: null,
        },
        {
          stage: "assistant_practitioner",
          number: "2.3",
          text: "Coaches service users to manage their own condition, using agreed approaches such as goal setting and problem solving, and helps plan their discharge or transfer with the team.",
          renewalMonths: null,
        },
        {
          stage: "entry",
          number: "2.4",
          text: "Recognises when a service user may have additional needs, such as dementia, a learning disability, sensory loss or mental distress, and asks for guidance on how to adapt their approach.",
          renewalMonths: null,
        },
        {
          stage: "intermediate",
          number: "2.4",
          text: "Adapts their approach for people with additional needs, for example by using easy-read material, a hospital passport or other reasonable adjustments, and shares what works with the team.",
          renewalMonths: null,
        },
        {
          stage: "assistant_practitioner",
          number: "2.4",
          text: "Plans and delivers delegated care for service users with complex or multiple needs, making reasonable adjustments and coordinating with the other services involved.",
          renewalMonths: null,
        },
        {
          stage: "entry",
          number: "2.5",
          text: "Is courteous and helpful to families and carers, and passes their questions or concerns to the right member of the team.",
          renewalMonths: null,
        },
        {
          stage: "intermediate",
          number: "2.5",
          text: "Involves families and carers in delegated activities where the service user agrees, for example showing a carer how to help with a home exercise programme.",
          renewalMonths: null,
        },
        {
          stage: "assistant_practitioner",
          number: "2.5",
          text: "Works in partnership with families and carers to plan and review care, recognises signs of carer strain, and signposts carers to support.",
          renewalMonths: null,
        },
        {
          stage: "entry",
          number: "2.6",
          text: "Uses everyday conversations to offer simple health information and signpost people to local services (Making Every Contact Count), within what they have been trained to do.",
          renewalMonths: null,
        },
        {
          stage: "intermediate",
          number: "2.6",
          text: "Gives the health and wellbeing advice the service has agreed, such as on falls prevention, nutrition or physical activity, and checks the person has understood it.",
          renewalMonths: null,
        },
        {
          stage: "assistant_practitioner",
          number: "2.6",
          text: "Runs health improvement sessions for individuals or groups within protocol, using brief-intervention techniques, and helps colleagues to have these conversations.",
          renewalMonths: null,
        },
      ],
    },
    {
      number: 3,
      title: "Clinical, technical and scientific roles and responsibilities",
      description:
        "Carrying out the clinical, technical or scientific tasks delegated by registered professionals safely and accurately, within the worker's scope of practice, and responding to emergencies.",
      statements: [
        {
          stage: "entry",
          number: "3.1",
          text: "Carries out only the delegated tasks they have been trained and signed off to do, and says so when asked to do something outside their competence.",
          renewalMonths: null,
        },
        {
          stage: "intermediate",
          number: "3.1",
          text: "Accepts or declines delegated tasks according to their own competence and the person's current condition, and seeks advice promptly when the situation changes.",
          renewalMonths: null,
        },
        {
          stage: "assistant_practitioner",
          number: "3.1",
          text: "Manages a delegated caseload within agreed protocols, decides the order and content of care within their scope of practice, and refers back to the registered professional when the limits are reached.",
          renewalMonths: null,
        },
        {
          stage: "entry",
          number: "3.2",
          text: "Takes and records basic observations (pulse, blood pressure, temperature and oxygen saturation) accurately and escalates readings outside agreed limits straight away.",
          renewalMonths: null,
        },
        {
          stage: "intermediate",
          number: "3.2",
          text: "Carries out and records the measurements used in the service, such as an early warning score, weight and BMI or range of movement, and recognises signs of deterioration that need urgent escalation.",
          renewalMonths: null,
        },
        {
          stage: "assistant_practitioner",
          number: "3.2",
          text: "Interprets routine measurements against expected values and the care plan, acts on the results within protocol, and escalates anything unexpected with a clear summary.",
          renewalMonths: null,
        },
        {
          stage: "entry",
          number: "3.3",
          text: "Helps deliver interventions set by a registered professional, such as supervised exercise, practising daily living skills or preparing a patient for an examination, following the plan exactly.",
          renewalMonths: null,
        },
        {
          stage: "intermediate",
          number: "3.3",
          text: "Delivers delegated treatment programmes to individuals or groups, progressing or modifying them within limits the registered professional has set, and reports the person's response.",
          renewalMonths: null,
        },
        {
          stage: "assistant_practitioner",
          number: "3.3",
          text: "Plans, delivers and evaluates interventions for a delegated caseload, adapting them within protocol as the person progresses, and reports outcomes to the supervising professional.",
          renewalMonths: null,
        },
        {
          stage: "entry",
          number: "3.4",
          text: "Prepares, checks, cleans and stores clinical equipment as instructed, and takes faulty or unsafe equipment out of use and reports it.",
          renewalMonths: null,
        },
        {
          stage: "intermediate",
          number: "3.4",
          text: "Checks that standard equipment, such as walking aids, seating or adapted cutlery, fits the person and is being used safely, and teaches them how to use it.",
          renewalMonths: null,
        },
        {
          stage: "assistant_practitioner",
          number: "3.4",
          text: "Selects, fits and issues equipment within an agreed scope, reviews whether it is working for the person, and keeps equipment records and maintenance checks up to date.",
          renewalMonths: null,
        },
        {
          stage: "entry",
          number: "3.5",
          text: "Collects information for an assessment as directed, such as a food diary, a home environment checklist or a standard questionnaire, and passes it on accurately.",
          renewalMonths: null,
        },
        {
          stage: "intermediate",
          number: "3.5",
          text: "Carries out the simple standardised tests and outcome measures they have been trained in, such as a timed walk test or a screening tool, and records the results correctly.",
          renewalMonths: null,
        },
        {
          stage: "assistant_practitioner",
          number: "3.5",
          text: "Carries out delegated assessments using standardised tools, identifies the key findings, and uses them to guide care within protocol or to refer on.",
          renewalMonths: null,
        },
        {
          stage: "entry",
          number: "3.6",
          text: "Recognises a person who has collapsed or stopped breathing normally, calls for help and starts basic life support in line with current Resuscitation Council UK guidelines.",
          renewalMonths: 12,
        },
        {
          stage: "intermediate",
          number: "3.6",
          text: "Gives basic life support including use of an automated external defibrillator (AED), and knows where the emergency equipment in their area is kept and how it is checked.",
          renewalMonths: 12,
        },
        {
          stage: "assistant_practitioner",
          number: "3.6",
          text: "Leads the first response to a medical emergency in their area until help arrives, gives basic life support with an AED, and makes sure emergency equipment is checked and ready.",
          renewalMonths: 12,
        },
      ],
    },
    {
      number: 4,
      title: "Communication and information",
      description:
        "Communicating clearly with service users, carers and colleagues, reporting and handing over, keeping accurate records, and handling information securely and lawfully.",
      statements: [
        {
          stage: "entry",
          number: "4.1",
          text: "Communicates clearly and kindly with service users, checks they have understood, and adapts for hearing, sight, language or cognitive needs, including arranging an interpreter when needed.",
          renewalMonths: null,
        },
        {
          stage: "intermediate",
          number: "4.1",
          text: "Uses a range of communication methods, such as pictures, gesture, communication aids or easy-read information, to help service users take part in their own care.",
          renewalMonths: null,
        },
        {
          stage: "assistant_practitioner",
          number: "4.1",
          text: "Handles difficult or sensitive conversations within their scope, such as explaining a delay or responding to distress or anger, and knows when to hand over to a registered professional.",
          renewalMonths: null,
        },
        {
          stage: "entry",
          number: "4.2",
          text: "Reports back to the supervising professional after each delegated task, clearly and promptly, including anything unusual or worrying.",
          renewalMonths: null,
        },
        {
          stage: "intermediate",
          number: "4.2",
          text: "Gives structured handovers and escalations, for example using SBAR (situation, background, assessment, recommendation), and contributes observations at team meetings.",
          renewalMonths: null,
        },
        {
          stage: "assistant_practitioner",
          number: "4.2",
          text: "Reports on service users' progress at multidisciplinary meetings and liaises with other teams and agencies to coordinate care for their caseload.",
          renewalMonths: null,
        },
        {
          stage: "entry",
          number: "4.3",
          text: "Writes clear, accurate, dated and signed records of the care they give, as soon as practical and in line with local policy.",
          renewalMonths: null,
        },
        {
          stage: "intermediate",
          number: "4.3",
          text: "Keeps records of delegated interventions and outcome measures that a colleague could pick up and follow without further explanation.",
          renewalMonths: null,
        },
        {
          stage: "assistant_practitioner",
          number: "4.3",
          text: "Keeps complete records for their delegated caseload, writes reports or letters within protocol, and checks the quality of records kept by the support workers they supervise.",
          renewalMonths: null,
        },
        {
          stage: "entry",
          number: "4.4",
          text: "Keeps personal information confidential, shares it only with people who need it for care, and follows the data security and information governance rules they have been trained in.",
          renewalMonths: 12,
        },
        {
          stage: "intermediate",
          number: "4.4",
          text: "Handles personal information lawfully and securely on paper and electronic systems, and recognises and reports a data breach or near miss.",
          renewalMonths: 12,
        },
        {
          stage: "assistant_practitioner",
          number: "4.4",
          text: "Applies information governance rules in less straightforward situations, such as sharing information with other agencies, and advises support workers on confidentiality.",
          renewalMonths: 12,
        },
        {
          stage: "entry",
          number: "4.5",
          text: "Uses the service's electronic systems, such as the patient record, email, rostering and e-learning, correctly and securely with their own login.",
          renewalMonths: null,
        },
        {
          stage: "intermediate",
          number: "4.5",
          text: "Uses digital tools to support care, such as appointment scheduling, outcome-measure apps or video consultations, and helps service users to use them.",
          renewalMonths: null,
        },
        {
          stage: "assistant_practitioner",
          number: "4.5",
          text: "Uses information from electronic systems to organise their caseload, and helps the team adopt new digital tools or ways of working.",
          renewalMonths: null,
        },
      ],
    },
    {
      number: 5,
      title: "Safe and inclusive environments",
      description:
        "Keeping service users, colleagues and themselves safe: health and safety, infection prevention, moving and handling, safeguarding people from harm and abuse, equality and inclusion, and speaking up.",
      statements: [
        {
          stage: "entry",
          number: "5.1",
          text: "Follows health and safety, fire and lone-working procedures, spots hazards in the work area, and reports incidents and near misses through the local reporting system.",
          renewalMonths: null,
        },
        {
          stage: "intermediate",
          number: "5.1",
          text: "Carries out routine risk assessments for delegated activities, such as a home visit or a group session, and puts the agreed controls in place.",
          renewalMonths: null,
        },
        {
          stage: "assistant_practitioner",
          number: "5.1",
          text: "Completes and reviews risk assessments for their caseload and work area, contributes to incident reviews, and shares the learning with the team.",
          renewalMonths: null,
        },
        {
          stage: "entry",
          number: "5.2",
          text: "Follows infection prevention and control procedures, including hand hygiene, correct use of personal protective equipment and cleaning equipment between service users.",
          renewalMonths: 12,
        },
        {
          stage: "intermediate",
          number: "5.2",
          text: "Applies the right infection prevention and control precautions for people with a known or suspected infection, and reminds colleagues of correct practice.",
          renewalMonths: 12,
        },
        {
          stage: "assistant_practitioner",
          number: "5.2",
          text: "Takes part in infection prevention and control audits for their area, acts on the findings, and supports the team to keep practice up to standard.",
          renewalMonths: 12,
        },
        {
          stage: "entry",
          number: "5.3",
          text: "Moves and handles people and loads safely, using the techniques and equipment they have been trained in and following each person's handling plan.",
          renewalMonths: 12,
        },
        {
          stage: "intermediate",
          number: "5.3",
          text: "Helps service users to move, transfer and walk using hoists, slide sheets or walking aids as their plan sets out, and reports when a plan needs reviewing.",
          renewalMonths: 12,
        },
        {
          stage: "assistant_practitioner",
          number: "5.3",
          text: "Carries out moving and handling risk assessments within their scope, writes or updates handling plans, and coaches colleagues in safe technique.",
          renewalMonths: 12,
        },
        {
          stage: "entry",
          number: "5.4",
          text: "Recognises possible signs of abuse or neglect in adults and children, and reports concerns straight away to their supervisor or the safeguarding team in line with local policy.",
          renewalMonths: 36,
        },
        {
          stage: "intermediate",
          number: "5.4",
          text: "Recognises and reports safeguarding concerns, including less obvious forms such as self-neglect, coercion or exploitation, and records factually what they saw and did.",
          renewalMonths: 36,
        },
        {
          stage: "assistant_practitioner",
          number: "5.4",
          text: "Raises and follows up safeguarding referrals for their caseload, contributes to safeguarding plans, and supports support workers who bring concerns to them.",
          renewalMonths: 36,
        },
        {
          stage: "entry",
          number: "5.5",
          text: "Treats everyone fairly and without discrimination, and respects differences in culture, belief, identity and background.",
          renewalMonths: null,
        },
        {
          stage: "intermediate",
          number: "5.5",
          text: "Notices barriers that some groups face in using the service and suggests practical changes, such as information in other formats or different appointment times.",
          renewalMonths: null,
        },
        {
          stage: "assistant_practitioner",
          number: "5.5",
          text: "Challenges discriminatory behaviour appropriately, helps build an inclusive team culture, and considers fair access when planning care for their caseload.",
          renewalMonths: null,
        },
        {
          stage: "entry",
          number: "5.6",
          text: "Knows how to raise a concern about safety or practice, including through the Freedom to Speak Up guardian, and looks after their own wellbeing at work.",
          renewalMonths: null,
        },
        {
          stage: "intermediate",
          number: "5.6",
          text: "Raises concerns promptly and constructively, supports colleagues who are under pressure, and uses supervision or staff wellbeing services when they need to.",
          renewalMonths: null,
        },
        {
          stage: "assistant_practitioner",
          number: "5.6",
          text: "Makes it easy for support workers to speak up, responds to concerns brought to them, and escalates those they cannot resolve.",
          renewalMonths: null,
        },
      ],
    },
    {
      number: 6,
      title: "Leadership and team working",
      description:
        "Working well in the multidisciplinary team, organising a workload, using and giving supervision, understanding delegation, and at later stages leading and supporting other support workers.",
      statements: [
        {
          stage: "entry",
          number: "6.1",
          text: "Works as a reliable member of the multidisciplinary team, understands what each colleague's role is, and asks for help when they need it.",
          renewalMonths: null,
        },
        {
          stage: "intermediate",
          number: "6.1",
          text: "Coordinates their work with colleagues in other professions and services so that the service user does not experience gaps or duplication.",
          renewalMonths: null,
        },
        {
          stage: "assistant_practitioner",
          number: "6.1",
          text: "Leads the support team's part in multidisciplinary working, such as allocating support worker tasks for the day or representing the team at meetings.",
          renewalMonths: null,
        },
        {
          stage: "entry",
          number: "6.2",
          text: "Organises their own work for the day, keeps to agreed times, and tells their supervisor early if they cannot complete a task.",
          renewalMonths: null,
        },
        {
          stage: "intermediate",
          number: "6.2",
          text: "Prioritises a varied workload, adjusts plans when demands change, and helps colleagues when they have capacity.",
          renewalMonths: null,
        },
        {
          stage: "assistant_practitioner",
          number: "6.2",
          text: "Prioritises and manages a delegated caseload, including clinic or waiting lists where agreed, and raises risks to capacity with the service lead.",
          renewalMonths: null,
        },
        {
          stage: "entry",
          number: "6.3",
          text: "Attends regular supervision, comes prepared with questions and examples, and acts on the feedback they receive.",
          renewalMonths: null,
        },
        {
          stage: "intermediate",
          number: "6.3",
          text: "Uses supervision to reflect on complex situations, and gives informal support and feedback to newer support workers.",
          renewalMonths: null,
        },
        {
          stage: "assistant_practitioner",
          number: "6.3",
          text: "Supervises support workers as agreed by the service, keeps records of supervision, and escalates concerns about performance or wellbeing appropriately.",
          renewalMonths: null,
        },
        {
          stage: "entry",
          number: "6.4",
          text: "Can explain how delegation works: the registered professional remains accountable for the decision to delegate, and the support worker is responsible for how they carry out the task.",
          renewalMonths: null,
        },
        {
          stage: "intermediate",
          number: "6.4",
          text: "Gives clear information when passing routine tasks to other support workers, within what the service allows, and checks that they have been completed.",
          renewalMonths: null,
        },
        {
          stage: "assistant_practitioner",
          number: "6.4",
          text: "Delegates tasks to support workers by matching each task to the worker's competence, giving clear instructions and checking the outcome, within the limits agreed with their own supervisor.",
          renewalMonths: null,
        },
        {
          stage: "entry",
          number: "6.5",
          text: "Behaves professionally at all times, including online and on social media, and follows the organisation's policies on attendance, uniform and conduct.",
          renewalMonths: null,
        },
        {
          stage: "intermediate",
          number: "6.5",
          text: "Acts as a positive role model, deals calmly with minor disagreements in the team, and supports colleagues through changes to the way the service works.",
          renewalMonths: null,
        },
        {
          stage: "assistant_practitioner",
          number: "6.5",
          text: "Leads small pieces of work for the team, such as running a group programme or an equipment stock system, and helps colleagues adapt when things change.",
          renewalMonths: null,
        },
      ],
    },
    {
      number: 7,
      title: "Education and development",
      description:
        "Taking responsibility for their own learning and career, reflecting on practice, and helping students, colleagues, service users and carers to learn.",
      statements: [
        {
          stage: "entry",
          number: "7.1",
          text: "Takes part in an annual appraisal, agrees a personal development plan with their manager, and works through the actions agreed in it.",
          renewalMonths: null,
        },
        {
          stage: "intermediate",
          number: "7.1",
          text: "Sets their own development goals with their manager, linked to this framework and to the needs of the service, and keeps evidence of their progress.",
          renewalMonths: null,
        },
        {
          stage: "assistant_practitioner",
          number: "7.1",
          text: "Leads their own appraisal and development planning, maps their progress against this framework, and helps support workers prepare for their appraisals.",
          renewalMonths: null,
        },
        {
          stage: "entry",
          number: "7.2",
          text: "Thinks back on what went well and what could be better after new or difficult experiences, and records what they learned in a simple format.",
          renewalMonths: null,
        },
        {
          stage: "intermediate",
          number: "7.2",
          text: "Keeps a record of continuing professional development, covering formal and informal learning with written reflections, and can show how it has changed their practice.",
          renewalMonths: null,
        },
        {
          stage: "assistant_practitioner",
          number: "7.2",
          text: "Keeps a structured CPD portfolio with regular written reflections, and uses reflective models to help support workers learn from their practice.",
          renewalMonths: null,
        },
        {
          stage: "entry",
          number: "7.3",
          text: "Shows new starters and students around the service and explains the routine procedures they are competent in.",
          renewalMonths: null,
        },
        {
          stage: "intermediate",
          number: "7.3",
          text: "Helps teach and check routine skills with new support workers and students, under the guidance of a practice educator or registered professional.",
          renewalMonths: null,
        },
        {
          stage: "assistant_practitioner",
          number: "7.3",
          text: "Plans and delivers teaching for support workers, students or other staff, and signs off the competencies they have been authorised to assess.",
          renewalMonths: null,
        },
        {
          stage: "entry",
          number: "7.4",
          text: "Reinforces the advice and instructions given by the registered professional when helping service users practise activities.",
          renewalMonths: null,
        },
        {
          stage: "intermediate",
          number: "7.4",
          text: "Teaches service users and carers routine skills, such as a home exercise programme or how to use a piece of equipment, and checks they can do it safely on their own.",
          renewalMonths: null,
        },
        {
          stage: "assistant_practitioner",
          number: "7.4",
          text: "Prepares or adapts education sessions and materials for service users and carers using content the service has agreed, and checks whether they are effective.",
          renewalMonths: null,
        },
        {
          stage: "entry",
          number: "7.5",
          text: "Has a career conversation with their manager about possible next steps, such as a level 3 qualification or an apprenticeship.",
          renewalMonths: null,
        },
        {
          stage: "intermediate",
          number: "7.5",
          text: "Explores progression routes, such as assistant practitioner training or a degree apprenticeship, and takes the agreed steps towards the route they choose.",
          renewalMonths: null,
        },
        {
          stage: "assistant_practitioner",
          number: "7.5",
          text: "Plans their next career step, such as a degree apprenticeship into a registered profession or a wider assistant practitioner role, and shares their experience of progressing with others.",
          renewalMonths: null,
        },
      ],
    },
    {
      number: 8,
      title: "Research, evaluation and service improvement",
      description:
        "Using evidence and guidelines, collecting and using data, listening to service users, and taking part in and leading improvements and research.",
      statements: [
        {
          stage: "entry",
          number: "8.1",
          text: "Collects data accurately and on time for audits, outcome measures or activity reports when asked.",
          renewalMonths: null,
        },
        {
          stage: "intermediate",
          number: "8.1",
          text: "Helps carry out audits in the service, such as checking records or equipment against a standard, and reports the results.",
          renewalMonths: null,
        },
        {
          stage: "assistant_practitioner",
          number: "8.1",
          text: "Plans and completes a small audit or service evaluation with support, presents the findings to the team, and agrees the actions that follow.",
          renewalMonths: null,
        },
        {
          stage: "entry",
          number: "8.2",
          text: "Understands that the care they give is based on evidence and local guidelines, and follows those guidelines.",
          renewalMonths: null,
        },
        {
          stage: "intermediate",
          number: "8.2",
          text: "Finds and reads the guidelines and patient information relevant to their work, and asks questions when practice seems to differ from them.",
          renewalMonths: null,
        },
        {
          stage: "assistant_practitioner",
          number: "8.2",
          text: "Finds and appraises evidence relevant to their specialty, with support, and shares short summaries that help the team keep practice up to date.",
          renewalMonths: null,
        },
        {
          stage: "entry",
          number: "8.3",
          text: "Suggests practical ideas to improve service users' experience or the way the team works.",
          renewalMonths: null,
        },
        {
          stage: "intermediate",
          number: "8.3",
          text: "Takes part in quality improvement projects, for example testing a change through plan-do-study-act cycles, and records what happened.",
          renewalMonths: null,
        },
        {
          stage: "assistant_practitioner",
          number: "8.3",
          text: "Leads a small quality improvement project in the team, measures its effect, and reports the results to the service lead.",
          renewalMonths: null,
        },
        {
          stage: "entry",
          number: "8.4",
          text: "Encourages service users to give feedback, for example through the Friends and Family Test, and passes on compliments and complaints.",
          renewalMonths: null,
        },
        {
          stage: "intermediate",
          number: "8.4",
          text: "Gathers and summarises service user feedback on the activities they deliver, and suggests changes in response.",
          renewalMonths: null,
        },
        {
          stage: "assistant_practitioner",
          number: "8.4",
          text: "Uses themes from feedback, complaints and incidents to improve their part of the service, and involves service users in shaping the changes.",
          renewalMonths: null,
        },
        {
          stage: "entry",
          number: "8.5",
          text: "Knows that the service may take part in research, and follows the instructions given when service users they support are involved in a study.",
          renewalMonths: null,
        },
        {
          stage: "intermediate",
          number: "8.5",
          text: "Supports research studies in the service under direction, for example by collecting study data or helping with recruitment, following the study protocol.",
          renewalMonths: null,
        },
        {
          stage: "assistant_practitioner",
          number: "8.5",
          text: "Contributes to research or evaluation projects, completes any research training required (such as Good Clinical Practice), and may co-author a report or poster.",
          renewalMonths: null,
        },
      ],
    },
  ],
};
