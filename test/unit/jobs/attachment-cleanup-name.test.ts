import { describe, expect, it } from 'vitest';
import { AREA_SETTINGS } from '../../../infra/api-areas';
import { ATTACHMENT_CLEANUP } from '../../../shared/usecases/attachments/cleanup-abandoned-uploads';

describe('the upload cleanup’s name', () => {
  // The run publishes its metrics under the use case's name; the alarms watch the area's.
  it('is the same where the run publishes its metrics and where the alarms watch them', () => {
    expect(AREA_SETTINGS.attachments?.daily?.job).toBe(ATTACHMENT_CLEANUP);
  });
});
