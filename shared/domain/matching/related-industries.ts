import type { Industry } from '../industries';

/**
 * Industries close enough that experience in one helps in another (经历相适): the textile chain from
 * fibre to garment, the metalworking chain, the chemistry behind dyeing and plastics, and so on.
 * An industry may sit in several groups; two industries are related when they share a group.
 */
const INDUSTRY_GROUPS: readonly (readonly Industry[])[] = [
  ['warp_knitting', 'home_textiles', 'dyeing', 'chemical_fibre', 'textile_apparel', 'leather'],
  ['chemicals', 'dyeing', 'chemical_fibre', 'plastics_rubber', 'new_materials'],
  ['hardware', 'bearings', 'equipment_manufacturing', 'auto_parts'],
  ['photovoltaics', 'semiconductors', 'electronics', 'new_materials'],
  ['photovoltaics', 'energy_utilities', 'environmental_protection'],
  ['biomedicine', 'medical_devices'],
  ['software_digital', 'ecommerce', 'electronics'],
  ['ecommerce', 'logistics', 'wholesale_retail'],
  ['construction', 'real_estate'],
  ['finance', 'business_services'],
  ['agriculture', 'food_processing'],
  ['furniture', 'home_textiles', 'printing_packaging'],
];

/** True when `a` and `b` differ but share a group. */
export const areRelatedIndustries = (a: Industry, b: Industry): boolean =>
  a !== b && INDUSTRY_GROUPS.some((group) => group.includes(a) && group.includes(b));
