import { type FieldProblem, Forbidden } from '../errors';
import type { Viewer } from '../viewer';
import type { Party } from './audience';
import { isTimeOfDay, type QuietHours } from './delivery-rules';

export const CHANNELS = ['webhook', 'dingtalk', 'wecom', 'sms'] as const;
export type Channel = (typeof CHANNELS)[number];

/**
 * Who may manage a party's subscriptions: operators and admins all of them; a department account
 * its own unit's (the unit's administrator, scoped by its `unitId` claim); an enterprise itself.
 * Role-wide subscriptions (leaders, the service centre) are the operators' to manage.
 */
export const mayManage = (viewer: Viewer, owner: Party): boolean => {
  if (viewer.roles.includes('operator') || viewer.roles.includes('admin')) return true;
  if (owner.kind === 'unit') return viewer.roles.includes('department') && viewer.unitId === owner.id;
  if (owner.kind === 'enterprise')
    return viewer.roles.includes('enterprise') && viewer.enterpriseId === owner.id;
  return false;
};

export const requireMayManage = (viewer: Viewer, owner: Party): void => {
  if (!mayManage(viewer, owner))
    throw new Forbidden('You may manage only your own unit’s or enterprise’s subscriptions.');
};

/** Where a subscription delivers, by channel. Secrets are written, never read back. */
export type Target =
  | { channel: 'webhook'; url: string; secret: string }
  | { channel: 'dingtalk'; url: string; secret: string }
  | { channel: 'wecom'; url: string }
  | { channel: 'sms'; phone: string; quietHours: QuietHours | null };

const DINGTALK = /^https:\/\/oapi\.dingtalk\.com\/robot\/send\?access_token=[0-9A-Za-z_-]{16,128}$/;
const WECOM = /^https:\/\/qyapi\.weixin\.qq\.com\/cgi-bin\/webhook\/send\?key=[0-9A-Za-z-]{16,64}$/;
/** A mainland mobile number: 11 digits starting 1[3-9]. */
const MOBILE = /^1[3-9]\d{9}$/;

/**
 * What is wrong with a target (the schema has checked shapes). A generic webhook must be HTTPS, or
 * plain HTTP on this machine only (local mode's sink); chat robots must be their provider's URL.
 */
export const targetProblems = (target: Target, allowLoopbackHttp: boolean): FieldProblem[] => {
  const problem = (path: string, message: string) => [{ path: `body.${path}`, message }];
  switch (target.channel) {
    case 'webhook': {
      let url: URL;
      try {
        url = new URL(target.url);
      } catch {
        return problem('url', 'Not a URL');
      }
      const loopback = ['127.0.0.1', 'localhost', '[::1]'].includes(url.hostname);
      if (url.protocol !== 'https:' && !(allowLoopbackHttp && loopback && url.protocol === 'http:')) {
        return problem('url', 'A webhook must be an https:// URL');
      }
      return [];
    }
    case 'dingtalk':
      return DINGTALK.test(target.url)
        ? []
        : problem('url', 'A DingTalk robot URL is https://oapi.dingtalk.com/robot/send?access_token=…');
    case 'wecom':
      return WECOM.test(target.url)
        ? []
        : problem('url', 'A WeCom robot URL is https://qyapi.weixin.qq.com/cgi-bin/webhook/send?key=…');
    case 'sms': {
      const problems = MOBILE.test(target.phone)
        ? []
        : problem('phone', 'A mobile number is 11 digits starting 1');
      const quiet = target.quietHours;
      if (quiet && !(isTimeOfDay(quiet.from) && isTimeOfDay(quiet.to))) {
        problems.push(...problem('quietHours', 'Quiet hours are HH:mm times of day'));
      }
      return problems;
    }
  }
};
