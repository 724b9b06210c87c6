/**
 * Unified social credit code (统一社会信用代码), GB 32100-2015: 18 characters from a 31-character
 * alphabet (no I, O, S, V, Z); positions 3–8 are the administrative division code; position 18 is a
 * check character computed modulo 31 over positions 1–17 with fixed weights.
 */
export const CREDIT_CODE_ALPHABET = '0123456789ABCDEFGHJKLMNPQRTUWXY';
const WEIGHTS = [1, 3, 9, 27, 19, 26, 16, 17, 20, 29, 25, 13, 8, 24, 10, 30, 28] as const;

export const CREDIT_CODE_PATTERN = /^[0-9A-HJ-NPQRTUWXY]{2}[0-9]{6}[0-9A-HJ-NPQRTUWXY]{10}$/;

/** The check character for the first 17 characters, or undefined when they are not in the alphabet. */
export const creditCodeCheckCharacter = (first17: string): string | undefined => {
  if (first17.length !== 17) return undefined;
  let sum = 0;
  for (let i = 0; i < 17; i++) {
    const value = CREDIT_CODE_ALPHABET.indexOf(first17.charAt(i));
    if (value < 0) return undefined;
    sum += value * (WEIGHTS[i] ?? 0);
  }
  return CREDIT_CODE_ALPHABET.charAt((31 - (sum % 31)) % 31);
};

export type CreditCodeCheck = 'valid' | 'format' | 'checksum';

export const checkCreditCode = (code: string): CreditCodeCheck => {
  if (!CREDIT_CODE_PATTERN.test(code)) return 'format';
  return creditCodeCheckCharacter(code.slice(0, 17)) === code.charAt(17) ? 'valid' : 'checksum';
};
