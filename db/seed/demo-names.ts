// Names for the demo organisation: a mixed pool of first names and surnames of many heritages, as in any
// NHS workforce in England. Combined at random, so no demo person is meant to be anyone real.

export const FEMALE_FIRST_NAMES = [
  "Amelia", "Olivia", "Emily", "Sophie", "Chloe", "Jessica", "Hannah", "Lauren", "Rebecca", "Charlotte",
  "Gemma", "Kirsty", "Leanne", "Nicola", "Sarah", "Rachel", "Joanne", "Claire", "Helen", "Karen",
  "Bethan", "Carys", "Ffion", "Siân", "Eilidh", "Mairi", "Niamh", "Aoife", "Siobhan", "Orla",
  "Priya", "Anjali", "Sunita", "Harpreet", "Simran", "Kiran", "Nisha", "Deepa", "Meera", "Pooja",
  "Aisha", "Fatima", "Zainab", "Maryam", "Amina", "Yasmin", "Sana", "Noor", "Hafsa", "Samira",
  "Chioma", "Ngozi", "Adaeze", "Funmilayo", "Abena", "Efua", "Blessing", "Grace", "Precious", "Folake",
  "Shanice", "Tiana", "Keisha", "Marcia", "Jade", "Kerry-Ann", "Simone", "Aaliyah", "Nadia", "Leah",
  "Agnieszka", "Katarzyna", "Magdalena", "Joanna", "Ioana", "Andreea", "Elena", "Alina", "Daria", "Irina",
  "Mei", "Xin", "Li Na", "Hui Min", "Maria", "Rosario", "Joy", "Cristina", "Ana", "Beatriz",
  "Ayesha", "Rukhsana", "Shabana", "Farah", "Hodan", "Ifrah", "Sagal", "Leila", "Yara", "Maja",
  "Ellie", "Megan", "Holly", "Freya", "Isla", "Ruby", "Poppy", "Zoe", "Abigail", "Georgia",
  "Tanisha", "Roisin", "Catrin", "Lowri", "Shauna", "Bronwen", "Mariam", "Ama", "Sinead", "Eleni",
] as const;

export const MALE_FIRST_NAMES = [
  "James", "Thomas", "Daniel", "Matthew", "Ryan", "Liam", "Jack", "Connor", "Callum", "Josh",
  "Rhys", "Owain", "Dafydd", "Gareth", "Euan", "Fraser", "Ciaran", "Declan", "Sean", "Niall",
  "Arjun", "Rohan", "Vikram", "Sanjay", "Amrit", "Gurpreet", "Ravi", "Nikhil", "Imran", "Tariq",
  "Mohammed", "Yusuf", "Omar", "Bilal", "Hamza", "Ibrahim", "Abdi", "Hassan", "Kwame", "Kofi",
  "Tunde", "Chinedu", "Emeka", "Segun", "Femi", "Marcus", "Tyrone", "Jermaine", "Andre", "Darnell",
  "Piotr", "Tomasz", "Mateusz", "Andrei", "Mihai", "Bogdan", "Luca", "Marco", "Tiago", "João",
  "Wei", "Jun", "Kenji", "Minh", "Rafael", "Carlos", "Paolo", "Nathan", "Adam", "Samuel",
  "Ethan", "Oliver", "Harry", "George", "Alfie", "Kieran", "Lewis", "Jordan", "Dylan", "Reece",
] as const;

export const SURNAMES = [
  "Smith", "Jones", "Williams", "Taylor", "Brown", "Davies", "Evans", "Wilson", "Thomas", "Roberts",
  "Johnson", "Lewis", "Walker", "Robinson", "Wood", "Thompson", "White", "Watson", "Jackson", "Wright",
  "Green", "Harris", "Cooper", "King", "Lee", "Clarke", "Hughes", "Edwards", "Hall", "Turner",
  "Morgan", "Price", "Griffiths", "Llewellyn", "Pritchard", "MacDonald", "Campbell", "Stewart", "Fraser", "Murray",
  "O'Brien", "Murphy", "Kelly", "Byrne", "Doyle", "Donnelly", "Gallagher", "Quinn", "McLaughlin", "Brennan",
  "Patel", "Shah", "Sharma", "Singh", "Kaur", "Gill", "Sandhu", "Chauhan", "Mistry", "Joshi",
  "Khan", "Hussain", "Ahmed", "Ali", "Rahman", "Begum", "Iqbal", "Akhtar", "Malik", "Chaudhry",
  "Okafor", "Adeyemi", "Adebayo", "Okonkwo", "Eze", "Mensah", "Owusu", "Boateng", "Asante", "Osei",
  "Campbell-Brown", "Francis", "Grant", "Reid", "Bailey", "Henry", "Spencer", "Richards", "Gordon", "Baptiste",
  "Kowalski", "Nowak", "Wiśniewska", "Zielinski", "Popescu", "Ionescu", "Dumitru", "Petrov", "Novak", "Horvat",
  "Chen", "Wong", "Li", "Zhang", "Nguyen", "Tran", "Santos", "Reyes", "Cruz", "Fernandes",
  "Rossi", "Ferreira", "Costa", "Silva", "Warsame", "Mohamed", "Abdullahi", "Farah", "Haddad", "Yilmaz",
  "Ellis", "Palmer", "Holmes", "Barker", "Marsh", "Fletcher", "Chapman", "Lloyd", "Pearson", "Shaw",
] as const;

/** Invented places for the trust's sites and localities. */
export const LOCALITIES = [
  "Northbrook General", "Eastfield", "Westmoor", "Ashby Vale", "Kingsmead", "Riverside", "Hartley Green",
  "Stoneleigh", "Millbrook", "Fernhill", "Oakwood", "Brackenfield", "Castlegate", "Highcross", "Lowfield",
  "St Anne's", "Thornbury Park", "Elmstead", "Redcliffe", "Southgate", "Brookside", "Wyndham", "Harbour View",
  "Moorland", "Parkside", "Cedar Lodge", "Meadowbank", "Holloway Road", "Queensway", "Greenbank",
] as const;
