import type { Enterprise } from '../../contract/enterprises';
import type { EnterpriseRecord } from '../../repositories/records/enterprises';
import { allFieldsShown } from '../record-view';

export const enterpriseView = allFieldsShown<EnterpriseRecord, Enterprise>();
