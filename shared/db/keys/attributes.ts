/**
 * The key attributes of the program table and its indexes, and how an entity states the index
 * partitions it appears in. GSI1–GSI6 are overloaded: each entity's keys say what it puts in them.
 * They project the whole item, and every entity but the issue uses them.
 */
export const SHARED_INDEXES = ['GSI1', 'GSI2', 'GSI3', 'GSI4', 'GSI5', 'GSI6'] as const;

/**
 * IGSI1–IGSI6 hold issues and their co-unit links only, and project keys only: an issue change that
 * moves no index key writes nothing to them (a whole-item projection rewrote the item into each of
 * 4–6 indexes on every change). Their entries are table keys; readers fetch the items by key.
 */
export const KEYS_ONLY_INDEXES = ['IGSI1', 'IGSI2', 'IGSI3', 'IGSI4', 'IGSI5', 'IGSI6'] as const;

/** Every index of the program table. */
export const INDEXES = [...SHARED_INDEXES, ...KEYS_ONLY_INDEXES] as const;
export type IndexName = (typeof INDEXES)[number];

export const isKeysOnly = (index: IndexName | undefined): boolean =>
  (KEYS_ONLY_INDEXES as readonly string[]).includes(index ?? '');

export interface ItemKey {
  pk: string;
  sk: string;
}

export type IndexKeys = Partial<Record<`${'' | 'i'}gsi${1 | 2 | 3 | 4 | 5 | 6}${'pk' | 'sk'}`, string>>;

/** An index's key attributes: its name in lower case, then `pk` and `sk` (GSI1: `gsi1pk`, `gsi1sk`). */
export const indexAttributes = (index: IndexName) => {
  const prefix = index.toLowerCase();
  return { pk: `${prefix}pk`, sk: `${prefix}sk` };
};

export const KEY_ATTRIBUTES = [
  'pk',
  'sk',
  ...INDEXES.flatMap((index) => {
    const { pk, sk } = indexAttributes(index);
    return [pk, sk];
  }),
];

/** One list an entity appears in: which GSI and which partition of it. */
export interface IndexPartition {
  index: IndexName;
  partition: string;
  /** Sort key within the partition; the record's id when omitted. */
  sort?: string;
}

/** Some of a partition's items: those whose sort key starts with `sortPrefix`. */
export interface KeyRange {
  partition: string;
  sortPrefix: string;
}

/**
 * The GSI attributes of an item that appears in `partitions`. The sort key is the record's id (a
 * ULID, so the list runs in creation order) unless the partition names another.
 */
export const indexKeysOf = (id: string, partitions: readonly IndexPartition[]): IndexKeys => {
  const attributes: Record<string, string> = {};
  for (const { index, partition, sort } of partitions) {
    const { pk, sk } = indexAttributes(index);
    attributes[pk] = partition;
    attributes[sk] = sort ?? id;
  }
  return attributes as IndexKeys;
};

/** Work queues in IGSI3 (and the day figures) are sharded so that a busy program never crowds one partition. */
export const QUEUE_SHARDS = 8;

export const shardOf = (id: string): number => {
  let hash = 0;
  for (const char of id) hash = (hash * 31 + char.charCodeAt(0)) >>> 0;
  return hash % QUEUE_SHARDS;
};
