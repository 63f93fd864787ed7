/**
 * Group commit: calls that arrive while a write is in flight (or within `maxWaitMs`) are written together, up to
 * `maxBatch` at a time; each caller still gets its own result, and only after its item is written.
 */
export function createBatcher<I, R>(write: (items: I[]) => Promise<R[]>, opts: { maxBatch?: number; maxWaitMs?: number } = {}) {
  const maxBatch = opts.maxBatch ?? 200;
  const maxWaitMs = opts.maxWaitMs ?? 2;
  let queue: { item: I; resolve: (r: R) => void; reject: (e: unknown) => void }[] = [];
  let timer: NodeJS.Timeout | null = null;
  let writing = false;

  const flush = async () => {
    timer = null;
    if (writing || queue.length === 0) return;
    writing = true;
    const batch = queue.slice(0, maxBatch);
    queue = queue.slice(batch.length);
    try {
      const results = await write(batch.map((b) => b.item));
      batch.forEach((b, i) => b.resolve(results[i]!));
    } catch (err) {
      for (const b of batch) b.reject(err);
    } finally {
      writing = false;
      if (queue.length) void flush();
    }
  };

  return (item: I): Promise<R> =>
    new Promise<R>((resolve, reject) => {
      queue.push({ item, resolve, reject });
      if (queue.length >= maxBatch) void flush();
      else timer ??= setTimeout(() => void flush(), maxWaitMs);
    });
}

/**
 * Concurrent inserts into one collection written together (one unordered insertMany); each caller learns whether its
 * own document was 'stored', a 'duplicate' of one already there (unique `_id`), or failed.
 *
 * A document counts as stored only when the server said so. The driver reports a failure that is not a per-document
 * one (the store unreachable, a timeout, a closed connection) as a MongoBulkWriteError with an empty `writeErrors`;
 * that fails the whole batch. A reply with per-document errors counts the others as stored only when the inserted
 * count adds up and no write-concern error came with it; anything else fails the whole batch too (each caller's
 * platform delivers again, and a document that did get in is then a duplicate).
 */
export function createBatchedInsert<D>(collection: { insertMany(docs: Record<string, unknown>[], opts: { ordered: boolean }): Promise<unknown> }) {
  return createBatcher<D, 'stored' | 'duplicate' | Error>(async (docs) => {
    const results: ('stored' | 'duplicate' | Error)[] = docs.map(() => 'stored');
    try {
      await collection.insertMany(docs as unknown as Record<string, unknown>[], { ordered: false });
    } catch (err) {
      const e = err as {
        writeErrors?: { index: number; code?: number; err?: { code?: number; index?: number } }[];
        writeConcernError?: unknown;
        result?: { insertedCount?: number; getWriteConcernError?: () => unknown };
      };
      const writeErrors = e.writeErrors ?? [];
      const inserted = e.result?.insertedCount;
      const concern = e.writeConcernError ?? e.result?.getWriteConcernError?.();
      if (writeErrors.length === 0 || concern || inserted === undefined || inserted + writeErrors.length !== docs.length) throw err;
      for (const w of writeErrors) {
        const index = w.index ?? w.err?.index ?? -1;
        if (index < 0 || index >= docs.length) throw err;
        const code = w.code ?? w.err?.code;
        results[index] = code === 11000 ? 'duplicate' : new Error(`insert failed (${String(code)})`);
      }
    }
    return results;
  });
}
