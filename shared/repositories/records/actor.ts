/** Who acted, as the people side's records keep it: the verified subject and the role it acted in. */
export interface Actor {
  sub: string;
  role: string;
}
