/** At most this many co-handling units (协办) with one assignment, however it is given. */
export const MAX_CO_UNITS = 10;
