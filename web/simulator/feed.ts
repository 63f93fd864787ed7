/**
 * The page's side of the simulator's feed (GET /simulator/api/feed): one poll in flight at a time, every item shown
 * once, and a restarted bot (another `boot`) read again from its start instead of waiting for ids it never reaches.
 * No DOM here: the unit tests drive it with a fake `get`.
 */

export interface FeedItem {
  id: number;
  /** `group:<platform>:<chatId>` or `user:<platform>:<userId>`. */
  conversation: string;
  from: 'bot' | 'user';
  sender?: string;
  format: 'markdown' | 'markdown_v2' | 'text';
  text: string;
  at: string;
}

/** What the server answers: its boot id, its (simulated) time, the items after `since`. */
export interface FeedAnswer {
  boot: string;
  now: string;
  items: FeedItem[];
}

/** An item as the page keeps it: `key` is unique across restarts of the bot (ids start again at 1). */
export interface PageItem extends FeedItem {
  key: string;
}

export interface FeedOptions {
  /** One request: the items after `since` of the process `boot` ('' before the first answer). */
  get(since: number, boot: string): Promise<FeedAnswer>;
  /** New items (never one twice), with the server's time; called after every answer, even with none. */
  onItems(items: PageItem[], now: string): void;
  /** The bot was restarted since the last answer (not called for the first one). */
  onRestart?(boot: string): void;
  onError?(err: unknown): void;
}

export function createFeed(opts: FeedOptions) {
  let boot = '';
  let since = 0;
  const seen = new Set<string>();
  let running: Promise<void> | null = null;
  let again = false;
  let timer: ReturnType<typeof setTimeout> | null = null;
  let stopped = true;

  async function once(): Promise<void> {
    const askedSince = since;
    const answer = await opts.get(askedSince, boot);
    if (answer.boot !== boot) {
      const restarted = boot !== '';
      boot = answer.boot;
      since = 0;
      if (restarted) opts.onRestart?.(boot);
      // an answer to a cursor of the old process may lack the new one's first items: ask again from its start
      if (askedSince !== 0) return once();
    }
    const fresh: PageItem[] = [];
    for (const item of answer.items) {
      const key = `${boot}:${item.id}`;
      if (item.id > since) since = item.id;
      if (seen.has(key)) continue;
      seen.add(key);
      fresh.push({ ...item, key });
    }
    opts.onItems(fresh, answer.now);
  }

  /**
   * Polls now. While a poll is in flight no second one starts: this call makes it poll once more when done, and the
   * promise resolves after that (so what the caller just caused is there).
   */
  function poll(): Promise<void> {
    if (running) {
      again = true;
      return running;
    }
    running = (async () => {
      try {
        do {
          again = false;
          try {
            await once();
          } catch (err) {
            opts.onError?.(err);
          }
        } while (again);
      } finally {
        running = null;
      }
    })();
    return running;
  }

  /** Polls every `intervalMs` after the previous poll ended (never two at once). */
  function start(intervalMs = 1000): void {
    if (!stopped) return;
    stopped = false;
    const tick = async () => {
      await poll();
      if (!stopped) timer = setTimeout(tick, intervalMs);
    };
    void tick();
  }

  function stop(): void {
    stopped = true;
    if (timer) clearTimeout(timer);
    timer = null;
  }

  return { poll, start, stop, boot: () => boot, since: () => since };
}
export type Feed = ReturnType<typeof createFeed>;
