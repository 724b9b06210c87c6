import { VersionRequired } from '../../../shared/domain/errors';
import { DEFAULT_CATEGORIES } from '../../../shared/domain/issues/categories';
import { putCategory } from '../../../shared/usecases/categories/put-category';
import type { DemoData } from './demo-data';

/** The demo department that handles each default category (by its name in the demo data). */
const DEFAULT_DEPARTMENTS: Record<string, string> = {
  land: '自然资源和规划局',
  energy: '供电公司',
  financing: '金融工作服务中心',
  labour: '人力资源和社会保障局',
  approvals: '行政审批局',
  licence: '市场监督管理局',
  policy_payments: '经济和信息化局',
  infrastructure: '住房和城乡建设局',
  housing: '住房和城乡建设局',
  environment: '生态环境分局',
  other: '发展和改革局',
};

/**
 * Loads the default taxonomy (shared/domain/issues/categories.ts) through the use case, each category
 * with its demo department. A category already there (an earlier run, or the office's own change) is
 * left as it is.
 */
export const seedCategories = async (data: DemoData, unitIds: readonly string[]) => {
  const seeder = { sub: 'seed', roles: ['admin' as const] };
  for (const { code, name } of DEFAULT_CATEGORIES) {
    const unit = data.units.findIndex((u) => u.kind === 'department' && u.name === DEFAULT_DEPARTMENTS[code]);
    if (unit < 0) throw new Error(`The demo data has no department for category ${code}`);
    try {
      await putCategory(seeder, code, { name, defaultUnitId: unitIds[unit] as string }, undefined);
    } catch (error) {
      if (!(error instanceof VersionRequired)) throw error;
    }
  }
};
