/**
 * 全部下沉: how many of a unit's cadres must sit in grid visit teams (DOMAIN.md item 4). The seed puts
 * "发改、经信、科技等5个一类涉企部门的三分之二人员、环保、市场监管、国土等9个二类涉企部门的三分之一人员及
 * 属地涉企干部" into the teams:
 *
 *   class-1 department: at least two thirds of its cadres   ceil(2n / 3)
 *   class-2 department: at least one third of its cadres    ceil(n / 3)
 *   town:               every enterprise-facing cadre, by name
 *
 * "Two thirds of the staff" is read as at least two thirds (rounded up): a department of 4 places 3,
 * not 2. Integer arithmetic only.
 */
export type StaffingRule = 'two_thirds' | 'one_third' | 'every_enterprise_facing';

export interface StaffingUnit {
  kind: 'department' | 'town';
  category?: 'class1' | 'class2';
}

export const staffingRuleOf = (unit: StaffingUnit): StaffingRule => {
  if (unit.kind === 'town') return 'every_enterprise_facing';
  return unit.category === 'class1' ? 'two_thirds' : 'one_third';
};

export interface StaffingCadre {
  id: string;
  enterpriseFacing: boolean;
  placed: boolean;
}

export interface StaffingAssessment {
  rule: StaffingRule;
  staff: number;
  required: number;
  placed: number;
  /** How many more must be placed (0 when the rule is met). */
  shortfall: number;
  /**
   * Who is missing: a town's enterprise-facing cadres in no team; a department short of its share,
   * every cadre of it in no team (any of them closes the gap).
   */
  missingCadreIds: string[];
}

export const requiredPlacements = (rule: StaffingRule, staff: number, enterpriseFacing: number): number => {
  if (rule === 'two_thirds') return Math.ceil((2 * staff) / 3);
  if (rule === 'one_third') return Math.ceil(staff / 3);
  return enterpriseFacing;
};

export const assessStaffing = (unit: StaffingUnit, cadres: readonly StaffingCadre[]): StaffingAssessment => {
  const rule = staffingRuleOf(unit);
  const counted = rule === 'every_enterprise_facing' ? cadres.filter((c) => c.enterpriseFacing) : cadres;
  const required = requiredPlacements(rule, cadres.length, counted.length);
  const placed = counted.filter((cadre) => cadre.placed).length;
  const shortfall = Math.max(0, required - placed);
  const unplaced = counted.filter((cadre) => !cadre.placed).map((cadre) => cadre.id);
  return {
    rule,
    staff: cadres.length,
    required,
    placed,
    shortfall,
    missingCadreIds: rule === 'every_enterprise_facing' || shortfall > 0 ? unplaced : [],
  };
};
