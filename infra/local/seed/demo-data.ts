import type { CreateCadreBody } from '../../../shared/contract/cadres';
import type { CreateUnitBody } from '../../../shared/contract/units';
import { CREDIT_CODE_ALPHABET, creditCodeCheckCharacter } from '../../../shared/domain/credit-code';
import { requiredPlacements, staffingRuleOf } from '../../../shared/domain/grid-staffing';
import { INDUSTRIES, INDUSTRY_IDS, type Industry } from '../../../shared/domain/industries';
import { SERVICE_TYPES } from '../../../shared/domain/service-catalogue';
import { type Random, seededRandom } from './random';

/** How big the demo is: `scale` 1 is sized like the program in Haining; tests use a fraction. */
export interface DemoSize {
  grids: number;
  teams: number;
  cadres: number;
  poolCadres: number;
  enterprises: number;
  /** Issues per scripted path (every status and closure has at least one path). */
  issuesPerPath: number;
}

export const demoSize = (scale: number): DemoSize => {
  const at = (full: number, least: number) => Math.max(least, Math.round(full * scale));
  return {
    grids: at(28, 2),
    teams: at(144, 4),
    cadres: at(1100, 40),
    poolCadres: at(200, 10),
    enterprises: at(3000, 20),
    issuesPerPath: at(12, 1),
  };
};

/** Haining's four sub-districts and eight towns: the units that own grids. */
const TOWNS = [
  '硖石街道',
  '海洲街道',
  '海昌街道',
  '马桥街道',
  '许村镇',
  '长安镇',
  '周王庙镇',
  '盐官镇',
  '斜桥镇',
  '丁桥镇',
  '袁花镇',
  '黄湾镇',
];

/** Departments by ranking category: class 1 serve enterprises most directly. */
const DEPARTMENTS: Record<'class1' | 'class2', string[]> = {
  class1: [
    '发展和改革局',
    '经济和信息化局',
    '科学技术局',
    '商务局',
    '自然资源和规划局',
    '生态环境分局',
    '住房和城乡建设局',
    '市场监督管理局',
    '人力资源和社会保障局',
    '税务局',
    '行政审批局',
    '投资促进中心',
    '金融工作服务中心',
    '供电公司',
  ],
  class2: [
    '财政局',
    '交通运输局',
    '水利局',
    '农业农村局',
    '应急管理局',
    '卫生健康局',
    '教育局',
    '公安局',
    '司法局',
    '统计局',
    '医疗保障局',
    '消防救援大队',
    '综合行政执法局',
    '文化广电旅游体育局',
    '民政局',
    '审计局',
  ],
};

const SURNAMES =
  '王李张刘陈杨黄赵吴周徐孙马朱胡郭何高林罗郑梁谢宋唐许韩冯邓曹彭曾肖田董袁潘蒋蔡余杜叶程苏魏吕丁沈任姚卢傅钟姜崔谭陆范汪廖石金韦贾夏付方邹熊白孟秦邱侯江尹薛闫段雷龙黎史陶贺毛郝顾龚邵万钱严覃武戴莫孔向汤';
const GIVEN =
  '伟芳娜敏静丽强磊军洋勇艳杰娟涛明超秀霞平刚桂英华玉萍红建文辉斌宇浩凯晨鑫鹏飞宁琳雪婷俊峰波宏志国庆红梅海燕晓东春林';
const WORDS = [
  '嘉',
  '海',
  '潮',
  '宏',
  '新',
  '达',
  '盛',
  '恒',
  '华',
  '泰',
  '丰',
  '瑞',
  '联',
  '兴',
  '锦',
  '越',
  '凯',
  '顺',
  '佳',
  '宝',
  '长',
  '安',
  '富',
  '源',
  '正',
  '通',
  '诚',
  '信',
  '东',
  '方',
  '明',
  '德',
  '万',
  '利',
  '金',
  '鼎',
  '星',
  '辰',
  '科',
  '创',
];
const RANKS = ['科员', '副主任科员', '主任科员', '副科级', '正科级', '副处级'];

/** Haining's traditional clusters weigh most among its enterprises. */
const INDUSTRY_WEIGHTS: Partial<Record<Industry, number>> = {
  leather: 8,
  warp_knitting: 8,
  home_textiles: 6,
  dyeing: 4,
  chemical_fibre: 4,
  textile_apparel: 5,
  photovoltaics: 3,
  semiconductors: 2,
  equipment_manufacturing: 4,
  auto_parts: 3,
};
const WEIGHTED_INDUSTRIES = INDUSTRY_IDS.flatMap((industry) =>
  Array.from({ length: INDUSTRY_WEIGHTS[industry] ?? 1 }, () => industry),
);

export interface DemoGrid {
  code: string;
  name: string;
  town: number;
}

export interface DemoTeam {
  grid: number;
  name: string;
  members: number[];
}

export interface DemoCadre extends Omit<CreateCadreBody, 'unitId'> {
  unit: number;
}

export interface DemoEnterprise {
  creditCode: string;
  name: string;
  industry: Industry;
  grid: number;
  aboveScale: boolean;
  tags: string[];
}

export interface DemoData {
  units: CreateUnitBody[];
  towns: number[];
  departments: number[];
  grids: DemoGrid[];
  cadres: DemoCadre[];
  teams: DemoTeam[];
  enterprises: DemoEnterprise[];
}

const personName = (random: Random) =>
  `${random.pick([...SURNAMES])}${random.pick([...GIVEN])}${random.chance(0.6) ? random.pick([...GIVEN]) : ''}`;

const creditCode = (random: Random) => {
  const organisation = Array.from({ length: 9 }, () => random.pick([...CREDIT_CODE_ALPHABET])).join('');
  const first17 = `91330481${organisation}`;
  return `${first17}${creditCodeCheckCharacter(first17)}`;
};

const units = (): CreateUnitBody[] => [
  ...TOWNS.map(
    (name, i): CreateUnitBody => ({ code: `T${String(i + 1).padStart(2, '0')}`, name, kind: 'town' }),
  ),
  ...(['class1', 'class2'] as const).flatMap((category) =>
    DEPARTMENTS[category].map(
      (name, i): CreateUnitBody => ({
        code: `D${category === 'class1' ? 1 : 2}${String(i + 1).padStart(2, '0')}`,
        name,
        kind: 'department',
        category,
      }),
    ),
  ),
];

/** The pool's mix (DOMAIN.md item 1): mostly middle-level and young cadres, some retired from post. */
const POOL_MIX = ['middle_level', 'young', 'middle_level', 'retired_from_post', 'young'] as const;

/**
 * A cadre. The people-side fields follow from the cadre's number and rank, not from the random stream,
 * so adding them left every other demo value as it was: pool cadres get a category, seven in ten town
 * cadres are enterprise-facing (属地涉企干部), section-level ranks are city-managed (市管科级).
 */
const cadre = (random: Random, i: number, unit: number, isTown: boolean, inPool: boolean): DemoCadre => {
  const fields = random.sample(INDUSTRY_IDS, random.int(1, 3));
  const rank = random.pick(RANKS);
  return {
    name: personName(random),
    unit,
    rank,
    inPool,
    experience: fields.map((field) => ({
      field,
      kind: random.pick(['studied', 'managed', 'worked'] as const),
      years: random.int(1, 20),
    })),
    serviceSkills: random.sample(SERVICE_TYPES, random.int(2, 5)),
    ...(inPool ? { poolCategory: POOL_MIX[i % POOL_MIX.length] } : {}),
    ...(isTown ? { enterpriseFacing: i % 10 < 7 } : {}),
    ...(rank === '副科级' || rank === '正科级' ? { cityManagedSectionLevel: true } : {}),
  };
};

/**
 * Who sits in the visit teams, by the staffing rule (全部下沉): each department its required share
 * (cadres outside the pool first), each town every enterprise-facing cadre — except that the first
 * class-1 and the first class-2 department with staff and the first town with two enterprise-facing
 * cadres are one short, so the staffing reports have a realistic gap to show.
 */
const teamPlacements = (unitList: readonly CreateUnitBody[], cadres: readonly DemoCadre[]): number[] => {
  const short = new Set<string>();
  return unitList.flatMap((unit, u) => {
    const staff = cadres
      .flatMap((c, i) => (c.unit === u ? [i] : []))
      .sort((a, b) => Number(cadres[a]?.inPool) - Number(cadres[b]?.inPool));
    const rule = staffingRuleOf(unit);
    const facing = staff.filter((i) => cadres[i]?.enterpriseFacing);
    const required = requiredPlacements(rule, staff.length, facing.length);
    const group = unit.kind === 'town' ? 'town' : (unit.category as string);
    const leaveOneOut = !short.has(group) && required >= (unit.kind === 'town' ? 2 : 1);
    if (leaveOneOut) short.add(group);
    const chosen = (rule === 'every_enterprise_facing' ? facing : staff).slice(0, required);
    return leaveOneOut ? chosen.slice(0, -1) : chosen;
  });
};

/**
 * The whole demo data set, the same for the same size: units of both kinds and categories, grids in
 * towns, cadres (some in the matching pool), visit teams of cadres outside the pool, and enterprises
 * spread over the grids with valid credit codes (unique within the set).
 */
export const demoData = (size: DemoSize, seed = 20_261_128): DemoData => {
  const random = seededRandom(seed);
  const unitList = units();
  const towns = unitList.flatMap((unit, i) => (unit.kind === 'town' ? [i] : []));
  const departments = unitList.flatMap((unit, i) => (unit.kind === 'department' ? [i] : []));
  const grids = Array.from({ length: size.grids }, (_, i): DemoGrid => {
    const town = towns[i % towns.length] as number;
    const ordinal = Math.floor(i / towns.length) + 1;
    return {
      code: `G${String(i + 1).padStart(3, '0')}`,
      name: `${unitList[town]?.name}第${ordinal}网格`,
      town,
    };
  });
  const cadres = Array.from({ length: size.cadres }, (_, i) => {
    const unit = random.pick(unitList.map((_, u) => u));
    return cadre(random, i, unit, unitList[unit]?.kind === 'town', i < size.poolCadres);
  });
  // Placements are dealt to the teams in turn; a team the deal leaves empty takes a placed cadre too.
  const placed = teamPlacements(unitList, cadres);
  const teams = Array.from({ length: size.teams }, (_, i): DemoTeam => {
    const members = placed.filter((_, p) => p % size.teams === i);
    return {
      grid: i % size.grids,
      name: `走访${Math.floor(i / size.grids) + 1}组`,
      members: members.length > 0 ? members.slice(0, 50) : [placed[i % placed.length] as number],
    };
  });
  const codes = new Set<string>();
  const enterprises = Array.from({ length: size.enterprises }, (): DemoEnterprise => {
    let code = creditCode(random);
    while (codes.has(code)) code = creditCode(random);
    codes.add(code);
    const industry = random.pick(WEIGHTED_INDUSTRIES);
    return {
      creditCode: code,
      name: `海宁${random.pick(WORDS)}${random.pick(WORDS)}${INDUSTRIES[industry]}有限公司`,
      industry,
      grid: random.int(0, size.grids - 1),
      aboveScale: random.chance(0.3),
      tags: random.chance(0.2) ? ['专精特新'] : [],
    };
  });
  return { units: unitList, towns, departments, grids, cadres, teams, enterprises };
};
