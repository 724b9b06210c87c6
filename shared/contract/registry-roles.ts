import { MASTER_DATA_WRITERS } from './common';

/**
 * Who keeps and who reads the registries (DOMAIN.md items 5, 10–12): the service centre keeps them,
 * leaders read them.
 */
export const REGISTRY_WRITERS = MASTER_DATA_WRITERS;
export const REGISTRY_READERS = ['leader', 'operator', 'admin'] as const;
