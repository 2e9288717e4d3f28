/** The shortest password Pathways accepts (NCSC guidance favours length over complexity rules). */
export const MIN_PASSWORD_LENGTH = 12;
