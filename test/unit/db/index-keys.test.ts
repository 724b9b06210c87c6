import { describe, expect, it } from 'vitest';
import { enterpriseKeys, indexKeysOf } from '../../../shared/db/keys';

describe('indexKeysOf', () => {
  it("puts each list's partition in its GSI and the record id as sort key", () => {
    expect(indexKeysOf('E1', [enterpriseKeys.all(), enterpriseKeys.byIndustry('leather')])).toEqual({
      gsi1pk: 'ENT',
      gsi1sk: 'E1',
      gsi4pk: 'ENT#INDUSTRY#leather',
      gsi4sk: 'E1',
    });
  });
});
