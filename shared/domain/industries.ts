/**
 * Industries of Haining's enterprises, as one list shared by enterprises (`industry`) and by cadres'
 * experience (`field`): matching compares the two, so both must speak the same identifiers.
 * The first entries are the city's traditional clusters, then its newer strategic sectors, then
 * services; `other` keeps the list closed without forcing a wrong choice.
 */
export const INDUSTRIES = {
  leather: '皮革',
  warp_knitting: '经编',
  home_textiles: '家纺布艺',
  dyeing: '印染',
  chemical_fibre: '化纤',
  textile_apparel: '纺织服装',
  hardware: '五金',
  bearings: '轴承',
  photovoltaics: '光伏新能源',
  semiconductors: '泛半导体',
  new_materials: '新材料',
  equipment_manufacturing: '装备制造',
  auto_parts: '汽车零部件',
  electronics: '电子信息',
  biomedicine: '生物医药',
  medical_devices: '医疗器械',
  chemicals: '化工',
  plastics_rubber: '塑料橡胶',
  printing_packaging: '印刷包装',
  furniture: '家具',
  food_processing: '食品加工',
  agriculture: '现代农业',
  construction: '建筑业',
  real_estate: '房地产',
  energy_utilities: '能源与公用事业',
  environmental_protection: '节能环保',
  software_digital: '软件与数字经济',
  ecommerce: '电子商务',
  logistics: '现代物流',
  wholesale_retail: '商贸流通',
  finance: '金融',
  culture_tourism: '文化旅游',
  business_services: '商务服务',
  other: '其他',
} as const satisfies Record<string, string>;

export type Industry = keyof typeof INDUSTRIES;

/** The identifiers as a non-empty tuple, the shape `z.enum` takes. */
export const INDUSTRY_IDS = Object.keys(INDUSTRIES) as [Industry, ...Industry[]];
