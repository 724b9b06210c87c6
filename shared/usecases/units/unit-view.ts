import type { Unit } from '../../contract/units';
import type { UnitRecord } from '../../repositories/records/units';
import { allFieldsShown } from '../record-view';

export const unitView = allFieldsShown<UnitRecord, Unit>();
