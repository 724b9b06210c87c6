import { composePool } from '../../domain/pool-composition';
import { readAll } from '../../repositories/assessments';
import { listCadres } from '../../repositories/cadres';

/** The pool's composition: every pool cadre (the pool index, page by page), counted by the rule. */
export const poolComposition = async () =>
  composePool(await readAll((page) => listCadres({ inPool: true }, page)));
