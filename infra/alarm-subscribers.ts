/** Who the alarm topic notifies for one stage (context `alarmSubscribers`, keyed by stage). */
export interface AlarmSubscribers {
  email: string[];
  /** E.164 numbers. SNS has no SMS in the China regions: these subscriptions exist in other partitions only. */
  sms: string[];
  /** HTTPS endpoints, e.g. a chat-robot relay (企业微信/钉钉) that turns SNS messages into chat posts. */
  https: string[];
}

const CHECKS: Record<keyof AlarmSubscribers, RegExp> = {
  email: /^[^\s@]+@[^\s@]+\.[^\s@]+$/,
  sms: /^\+[1-9]\d{6,14}$/,
  https: /^https:\/\/[^\s]+$/,
};

/**
 * Reads the stage's entry of the `alarmSubscribers` context (cdk.json or `-c`), e.g.
 * `{"prod": {"email": ["ops@example.cn"], "https": ["https://relay.example.cn/sns"]}}`. A stage
 * without an entry gets a topic with no subscriber; a malformed entry fails synth, naming it.
 */
export const alarmSubscribers = (stage: string, context: unknown): AlarmSubscribers => {
  const none: AlarmSubscribers = { email: [], sms: [], https: [] };
  if (context === undefined) return none;
  const parsed = typeof context === 'string' ? JSON.parse(context) : context;
  const entry = (parsed as Record<string, unknown> | null)?.[stage];
  if (entry === undefined) return none;
  if (typeof entry !== 'object' || entry === null) {
    throw new Error(`alarmSubscribers.${stage} must be an object of email, sms and https lists`);
  }
  for (const key of Object.keys(entry)) {
    if (!(key in CHECKS)) throw new Error(`alarmSubscribers.${stage}.${key}: use email, sms or https`);
  }
  const listOf = (kind: keyof AlarmSubscribers): string[] => {
    const value = (entry as Record<string, unknown>)[kind] ?? [];
    if (!Array.isArray(value)) throw new Error(`alarmSubscribers.${stage}.${kind} must be a list`);
    for (const item of value) {
      if (typeof item !== 'string' || !CHECKS[kind].test(item)) {
        throw new Error(
          `alarmSubscribers.${stage}.${kind}: ${JSON.stringify(item)} is not a valid ${kind} endpoint`,
        );
      }
    }
    return value as string[];
  };
  return { email: listOf('email'), sms: listOf('sms'), https: listOf('https') };
};
