import escapeHtml from 'escape-html';

/** Markup that is already safe: made only by `html`, so every piece of text in it went through escaping. */
export class SafeHtml {
  constructor(readonly markup: string) {}
  toString(): string {
    return this.markup;
  }
}

type Interpolation = string | number | SafeHtml | readonly SafeHtml[];

const render = (value: Interpolation): string => {
  if (value instanceof SafeHtml) return value.markup;
  if (Array.isArray(value)) return value.map(render).join('');
  return escapeHtml(String(value));
};

/**
 * A template tag that escapes by default: every interpolated string or number is escaped for HTML
 * text and quoted attribute values (`& < > " '`, by `escape-html`); only markup made by `html` itself
 * passes through. Text therefore cannot become markup, whatever an issue's title holds.
 */
export const html = (strings: TemplateStringsArray, ...values: Interpolation[]): SafeHtml =>
  new SafeHtml(strings.reduce((markup, text, i) => markup + render(values[i - 1] as Interpolation) + text));
