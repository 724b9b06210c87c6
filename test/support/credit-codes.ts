import { randomInt } from 'node:crypto';
import { CREDIT_CODE_ALPHABET, creditCodeCheckCharacter } from '../../shared/domain/credit-code';

/** Haining's administrative division code: positions 3–8 of its enterprises' credit codes. */
const HAINING = '330481';

const alphabetChar = () => CREDIT_CODE_ALPHABET.charAt(randomInt(CREDIT_CODE_ALPHABET.length));

/** A credit code with a correct check character, random enough to be new in every test run. */
export const randomCreditCode = (): string => {
  const body = `91${HAINING}${Array.from({ length: 9 }, alphabetChar).join('')}`;
  return `${body}${creditCodeCheckCharacter(body)}`;
};

/** The same code with a different, therefore wrong, check character. */
export const withWrongCheckCharacter = (code: string): string => {
  const right = code.charAt(17);
  const wrong = CREDIT_CODE_ALPHABET.charAt(
    (CREDIT_CODE_ALPHABET.indexOf(right) + 1) % CREDIT_CODE_ALPHABET.length,
  );
  return `${code.slice(0, 17)}${wrong}`;
};
