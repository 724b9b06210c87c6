/**
 * The key attributes of the program table and its indexes, and how an entity states the index
 * partitions it appears in. GSI1–GSI6 are overloaded: each entity's keys say what it puts in them.
 */
export const INDEXES = ['GSI1', 'GSI2', 'GSI3', 'GSI4', 'GSI5', 'GSI6'] as const;
export type IndexName = (typeof INDEXES)[number];

export interface ItemKey {
  pk: string;
  sk: string;
}

export type IndexKeys = Partial<Record<`gsi${1 | 2 | 3 | 4 | 5 | 6}${'pk' | 'sk'}`, string>>;

export const KEY_ATTRIBUTES = [
  'pk',
  'sk',
  'gsi1pk',
  'gsi1sk',
  'gsi2pk',
  'gsi2sk',
  'gsi3pk',
  'gsi3sk',
  'gsi4pk',
  'gsi4sk',
  'gsi5pk',
  'gsi5sk',
  'gsi6pk',
  'gsi6sk',
];

export const indexAttributes = (index: IndexName) => {
  const n = index.slice(3);
  return { pk: `gsi${n}pk`, sk: `gsi${n}sk` };
};

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

/** Work queues in GSI3 (and the day figures) are sharded so that a busy program never crowds one partition. */
export const QUEUE_SHARDS = 8;

export const shardOf = (id: string): number => {
  let hash = 0;
  for (const char of id) hash = (hash * 31 + char.charCodeAt(0)) >>> 0;
  return hash % QUEUE_SHARDS;
};
