import type { Connection, Model } from 'mongoose';
import { isDuplicateKey } from './duplicate-key.js';

export function createNoticeRepository(conn: Connection) {
  const Notices = conn.model('Notice') as Model<{ _id: string; at: Date }>;
  return {
    /** True only for the first caller, ever, for this key. */
    async claimOnce(key: string, now: Date): Promise<boolean> {
      try {
        await Notices.create({ _id: key, at: now });
        return true;
      } catch (err) {
        if (isDuplicateKey(err)) return false;
        throw err;
      }
    },
  };
}
export type NoticeRepository = ReturnType<typeof createNoticeRepository>;
