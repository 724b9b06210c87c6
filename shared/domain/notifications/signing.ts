import { createHmac, timingSafeEqual } from 'node:crypto';

/**
 * Signatures of the outgoing channels. Sources, and the examples the unit tests hold them to, are in
 * docs/notifications.md.
 */

/** Seconds a receiver accepts a generic webhook's timestamp either side of its own clock. */
export const WEBHOOK_REPLAY_WINDOW_SECONDS = 300;

const hmacSha256Hex = (secret: string, text: string) =>
  createHmac('sha256', secret).update(text, 'utf8').digest('hex');

/**
 * The generic HTTPS webhook: `X-Qinqing-Signature: t=<unix seconds>,v1=<hex HMAC-SHA256>` over
 * `<t>.<raw body>` with the subscription's secret. The timestamp is inside what is signed, so a
 * receiver that refuses an old `t` refuses a replayed request.
 */
export const webhookSignature = (secret: string, timestampSeconds: number, body: string): string =>
  `t=${timestampSeconds},v1=${hmacSha256Hex(secret, `${timestampSeconds}.${body}`)}`;

/** A receiver's check (documented for subscribers; the local sink and the tests use it). */
export const verifyWebhookSignature = (
  secret: string,
  header: string,
  body: string,
  nowSeconds: number,
  windowSeconds = WEBHOOK_REPLAY_WINDOW_SECONDS,
): boolean => {
  const parts = Object.fromEntries(
    header.split(',').map((part) => {
      const at = part.indexOf('=');
      return [part.slice(0, at).trim(), part.slice(at + 1).trim()];
    }),
  );
  const t = Number(parts.t);
  if (!Number.isInteger(t) || Math.abs(nowSeconds - t) > windowSeconds) return false;
  const expected = Buffer.from(hmacSha256Hex(secret, `${t}.${body}`), 'hex');
  const given = Buffer.from(String(parts.v1 ?? ''), 'hex');
  return given.length === expected.length && timingSafeEqual(given, expected);
};

/**
 * DingTalk's custom robot, 加签: HmacSHA256 with the robot's `SEC…` secret over
 * `timestamp + "\n" + secret` (timestamp in milliseconds, within an hour of DingTalk's clock),
 * Base64; the caller URL-encodes it into `&timestamp=…&sign=…`.
 */
export const dingTalkRobotSign = (secret: string, timestampMs: number): string =>
  createHmac('sha256', secret).update(`${timestampMs}\n${secret}`, 'utf8').digest('base64');

/**
 * Alibaba Cloud's RPC percent-encoding (RFC 3986 unreserved characters kept, everything else
 * `%XX` in UTF-8, space as `%20`), which `encodeURIComponent` nearly is.
 */
export const aliyunPercentEncode = (value: string): string =>
  encodeURIComponent(value).replace(/[!'()*]/g, (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`);

/**
 * Alibaba Cloud RPC signature (SignatureMethod HMAC-SHA1, SignatureVersion 1.0), as SendSms takes
 * it: parameters sorted by name, each `encode(name)=encode(value)`, joined by `&`; the string to sign
 * is `METHOD&%2F&encode(that)`; the key is the AccessKey secret plus `&`; Base64 of the HMAC.
 */
export const aliyunRpcSignature = (
  accessKeySecret: string,
  method: 'GET' | 'POST',
  parameters: Record<string, string>,
): string => {
  const canonical = Object.keys(parameters)
    .filter((name) => name !== 'Signature')
    .sort()
    .map((name) => `${aliyunPercentEncode(name)}=${aliyunPercentEncode(parameters[name] ?? '')}`)
    .join('&');
  const stringToSign = `${method}&${aliyunPercentEncode('/')}&${aliyunPercentEncode(canonical)}`;
  return createHmac('sha1', `${accessKeySecret}&`).update(stringToSign, 'utf8').digest('base64');
};
