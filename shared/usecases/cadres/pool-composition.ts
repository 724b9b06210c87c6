import { composePool } from '../../domain/pool-composition';
import { allCadres } from '../../repositories/cadres';

/** The pool's composition: every pool cadre (the pool index), counted by the rule. */
export const poolComposition = async () => composePool(await allCadres({ inPool: true }));
