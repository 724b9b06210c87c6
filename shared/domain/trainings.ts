/** A cadre, or a named person of an enterprise (an entrepreneur or manager), attending a training. */
export interface Attendee {
  cadreId?: string;
  enterpriseId?: string;
  name?: string;
}

/** The identity of an attendee within a training: one attendance each (the database enforces it). */
export const attendeeIdentity = (a: Attendee): string =>
  a.cadreId !== undefined ? `CADRE#${a.cadreId}` : `ENT#${a.enterpriseId}#${a.name}`;
