/**
 * The catalogue of services a seconded cadre delivers to an enterprise (DOMAIN.md item 2, "30+
 * types"). Cadres list the ones they can give (`serviceSkills`), residencies the ones agreed, and
 * service logs the one delivered, so all three validate against this single list.
 */
export const SERVICE_CATALOGUE = {
  party_building_guidance: '党建指导',
  project_application: '项目申报',
  shareholding_reform_listing: '股改上市',
  approval_agency: '审批代办',
  policy_interpretation: '政策解读',
  policy_benefit_redemption: '惠企政策兑现',
  financing_support: '融资对接',
  tax_guidance: '办税指导',
  land_use_support: '用地保障',
  project_construction_coordination: '项目建设协调',
  utilities_supply: '水电气要素保障',
  talent_recruitment: '人才引进',
  labour_recruitment: '用工招聘',
  skills_training: '技能培训',
  worker_housing: '员工住房',
  talent_family_services: '人才子女入学与安居',
  technology_innovation: '科技创新',
  high_tech_certification: '高新技术企业认定',
  intellectual_property: '知识产权',
  quality_standards_branding: '质量标准与品牌建设',
  digital_transformation: '数字化改造',
  technical_renovation: '技术改造',
  energy_saving: '节能降耗',
  environmental_compliance: '环保合规',
  work_safety: '安全生产',
  market_expansion: '市场开拓',
  foreign_trade: '外贸服务',
  industrial_chain_matching: '产业链对接',
  legal_services: '法律服务',
  dispute_mediation: '矛盾纠纷调处',
  management_consulting: '企业管理咨询',
  merger_restructuring: '兼并重组',
  credit_repair: '信用修复',
  transport_logistics: '交通物流协调',
  corporate_culture: '企业文化建设',
} as const satisfies Record<string, string>;

export type ServiceType = keyof typeof SERVICE_CATALOGUE;

/** The identifiers as a non-empty tuple, the shape `z.enum` takes. */
export const SERVICE_TYPES = Object.keys(SERVICE_CATALOGUE) as [ServiceType, ...ServiceType[]];
