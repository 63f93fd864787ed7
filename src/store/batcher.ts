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
