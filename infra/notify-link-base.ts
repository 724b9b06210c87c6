/**
 * Where notification messages link to: the web client's base URL for the stage, from
 * `-c notifyLinkBase=https://…` (an object per stage, or one URL for every stage). Messages carry
 * `<base>/issues/<id>`; without a setting they carry a link under `example.invalid`, which no
 * client resolves, so a deployment that forgot it sends dead links rather than someone else's.
 */
export const UNSET_LINK_BASE = 'https://qinqing.example.invalid';

export const notifyLinkBase = (stage: string, context: unknown): string => {
  const parsed = typeof context === 'string' && context.startsWith('{') ? JSON.parse(context) : context;
  const value =
    typeof parsed === 'object' && parsed !== null ? (parsed as Record<string, unknown>)[stage] : parsed;
  if (value === undefined) return UNSET_LINK_BASE;
  const url = typeof value === 'string' && URL.canParse(value) ? new URL(value) : undefined;
  if (url?.protocol !== 'https:' || url.search || url.hash) {
    throw new Error(
      `Invalid notifyLinkBase for stage ${stage}: ${JSON.stringify(value)}: use -c notifyLinkBase=https://<the web client>`,
    );
  }
  return url.href.replace(/\/+$/, '');
};
