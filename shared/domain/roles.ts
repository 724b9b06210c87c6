/** The six roles of DOMAIN.md; each is a Cognito group of the same name. */
export const ROLES = ['enterprise', 'cadre', 'department', 'leader', 'operator', 'admin'] as const;
export type Role = (typeof ROLES)[number];

export const isRole = (value: string): value is Role => (ROLES as readonly string[]).includes(value);
