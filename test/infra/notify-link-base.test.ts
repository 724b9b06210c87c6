import { describe, expect, it } from 'vitest';
import { notifyLinkBase, UNSET_LINK_BASE } from '../../infra/notify-link-base';

describe('notifyLinkBase (context)', () => {
  it('reads one URL for every stage, or one per stage from an object or a -c JSON string', () => {
    expect(notifyLinkBase('prod', 'https://qinqing.haining.gov.cn/')).toBe('https://qinqing.haining.gov.cn');
    const perStage = { prod: 'https://qinqing.haining.gov.cn', dev: 'https://dev.qinqing.example.cn/app' };
    expect(notifyLinkBase('dev', perStage)).toBe('https://dev.qinqing.example.cn/app');
    expect(notifyLinkBase('prod', JSON.stringify(perStage))).toBe('https://qinqing.haining.gov.cn');
  });

  it('links to a name no client resolves when the stage has none', () => {
    expect(notifyLinkBase('dev', undefined)).toBe(UNSET_LINK_BASE);
    expect(notifyLinkBase('dev', { prod: 'https://qinqing.haining.gov.cn' })).toBe(UNSET_LINK_BASE);
  });

  it('fails synth on anything but a plain https URL, naming the stage', () => {
    for (const bad of ['http://qinqing.haining.gov.cn', 'qinqing.haining.gov.cn', 'https://x.cn/?a=1', 42]) {
      expect(() => notifyLinkBase('prod', bad)).toThrow(/notifyLinkBase for stage prod/);
    }
  });
});
