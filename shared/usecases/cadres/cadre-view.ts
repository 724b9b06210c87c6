import type { Cadre } from '../../contract/cadres';
import type { CadreRecord } from '../../repositories/records/cadres';
import { allFieldsShown } from '../record-view';

export const cadreView = allFieldsShown<CadreRecord, Cadre>();
