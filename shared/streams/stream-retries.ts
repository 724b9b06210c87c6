/**
 * How long the table stream's consumers retry a record before giving up on it (it goes to their
 * failure queue): the mappings' maximum record age. The daily sweep hands an outbox entry to the
 * stream again only once it is older than this, so an entry still in flight is never sent twice.
 */
export const STREAM_RECORD_MAX_AGE_SECONDS = 6 * 3600;
