import { randomUUID } from 'node:crypto';
import { createServer, type IncomingHttpHeaders } from 'node:http';

/** One request the sink received: what would have reached a receiver or provider. */
export interface SunkMessage {
  id: string;
  receivedAt: string;
  channel: 'webhook' | 'dingtalk' | 'wecom' | 'sms';
  /** The recipient: the webhook's name, the robot's token or key, the phone number. */
  to: string;
  path: string;
  query: Record<string, string>;
  headers: Record<string, string>;
  /** The raw body, exactly as signed. */
  rawBody: string;
  body: unknown;
  /** What the sink answered (a `failing-…` webhook answers 503, to test retries). */
  status: number;
}

const KEEP = 10_000;

const parse = (text: string): unknown => {
  try {
    return JSON.parse(text);
  } catch {
    return text;
  }
};

const channelOf = (path: string): SunkMessage['channel'] => {
  const first = path.split('/')[1];
  return first === 'dingtalk' || first === 'wecom' || first === 'sms' ? first : 'webhook';
};

const headersOf = (headers: IncomingHttpHeaders) =>
  Object.fromEntries(
    Object.entries(headers)
      .filter(([name]) => name.startsWith('x-') || name === 'content-type')
      .map(([name, value]) => [name, String(value)]),
  );

/** The provider's success answer, so the channel adapters take the sink for the real thing. */
const successOf = (channel: SunkMessage['channel']) =>
  channel === 'dingtalk' || channel === 'wecom' ? { errcode: 0, errmsg: 'ok' } : { ok: true };

/**
 * Local mode's stand-in for every receiver: generic webhooks (`/webhook/<name>`), DingTalk and WeCom
 * robots and the SMS provider (the channel adapters send there via NOTIFY_PROVIDER_ENDPOINT_URL).
 * Keeps every request in memory, in order. A webhook whose name starts `failing-` answers 503.
 */
export const listenNotificationSink = async () => {
  const messages: SunkMessage[] = [];
  const server = createServer(async (request, response) => {
    const chunks: Buffer[] = [];
    for await (const chunk of request) chunks.push(chunk as Buffer);
    const rawBody = Buffer.concat(chunks).toString('utf8');
    const url = new URL(request.url ?? '/', 'http://sink');
    const channel = channelOf(url.pathname);
    const query = Object.fromEntries(url.searchParams);
    const body = parse(rawBody);
    const name = url.pathname.split('/').filter(Boolean).at(-1) ?? '';
    const to =
      channel === 'sms'
        ? String((body as { phone?: string }).phone ?? '')
        : channel === 'dingtalk'
          ? (query.access_token ?? '')
          : channel === 'wecom'
            ? (query.key ?? '')
            : name;
    const status = channel === 'webhook' && name.startsWith('failing-') ? 503 : 200;
    messages.push({
      id: randomUUID(),
      receivedAt: new Date().toISOString(),
      channel,
      to,
      path: url.pathname,
      query,
      headers: headersOf(request.headers),
      rawBody,
      body,
      status,
    });
    if (messages.length > KEEP) messages.splice(0, messages.length - KEEP);
    const answer = JSON.stringify(
      status === 200 ? successOf(channel) : { message: 'this sink always fails' },
    );
    response.writeHead(status, { 'content-type': 'application/json' });
    response.end(answer);
  });
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(0, '127.0.0.1', resolve);
  });
  const address = server.address();
  return {
    url: `http://127.0.0.1:${typeof address === 'object' && address ? address.port : 0}`,
    messages: (): readonly SunkMessage[] => messages,
    close: () =>
      new Promise<void>((resolve) => {
        server.close(() => resolve());
        server.closeAllConnections();
      }),
  };
};
