import type { Directory } from './directory.js';
import { canonicalText, cosine, features, type Features } from './similarity.js';
import { CATEGORIES, isOpen, type Category, type Ticket } from './ticket.js';

/**
 * 共性问题: similar open problems reported by several enterprises, grouped so that leaders see them as one pattern
 * (digest, workbench) and may make a group one case (`共性 #12 #15 #19`, handlers/common-case.handler.ts). Pure and
 * deterministic: the same tickets, directory and `now` give the same groups in the same order.
 *
 * Choices made (issue 19, part 共性问题):
 * - What is read of a ticket: `no`, `status`, `category`, `summary`, `enterpriseId`, `enterprise`, `platform`,
 *   `chatId`, `createdAt`, `caseOf`. Never `events` nor `text`: the digest reads open tickets without either (its
 *   store query leaves out the message text), and the workbench must show the same groups as the digest. The summary
 *   (the report's first clause, ≤ 40 characters) names the problem; it is what the texts are compared on.
 * - Several enterprises: at least `MIN_ENTERPRISES` (3) different ones. Two are a coincidence or a 重复 across a
 *   parent and its subsidiary; three is the smallest number that reads as a pattern to a leader. An enterprise is its
 *   directory id; without one, the enterprise the directory binds to the ticket's group; without that, the group
 *   itself (`platform:chatId`) — as 重复 (similarity.ts `sameEnterprise`) tells enterprises apart.
 * - Same category: required (a group is handled by one department, and the category decides the department).
 * - Similar text: the vectors and the text score of 重复 (similarity.ts `features`, `cosine`: character 2/3-grams of
 *   the normalised text, fillers dropped, synonyms folded — 扩容/增容/容量不够 are one word — problem words weighted
 *   up, and a pair naming different problems pushed down). Not `score()`: it is 0 across enterprises by design.
 *   Threshold `SIMILAR_AT` = 0.36, 重复's `unsure` line: 重复 must be sure before it merges two reports into one ticket
 *   (0.42), while a 共性 group only draws a leader's attention and changes nothing by itself, so the lower line that
 *   still separates problems is the right one. Measured on the summaries of the labelled pairs of one category, with
 *   the concept layer of similarity-concepts.ts (test/fixtures/duplicate-pairs.jsonl, 206 pairs): at 0.36 precision
 *   89 %, recall 97 % (0.3: 87 % / 99 %; 0.45: 89 % / 96 %); round 8's pairs (178): 100 % / 89 % (0.3: 96 % / 94 %);
 *   test/unit/domain/common-issues.test.ts keeps both ≥ 85 % on the first set. A group also needs every member similar
 *   to one ticket (its seed) and three enterprises, which a stray pair cannot make alone.
 *   The numbers rule of 重复 (第3号 / 第5号厂房) is not used: across enterprises the numbers are their own.
 * - Same area: the directory's enterprise `area` (园区/片区, optional). Tickets whose areas are both known must share
 *   it; a ticket whose area is unknown may join a group of any area (nothing says it is elsewhere), and the label then
 *   names no area (it is named only when every enterprise of the group is known to be in it). Projects belong to
 *   one enterprise in the directory, so a project cannot join several enterprises: `projectId` is not used.
 * - Window: created within `WINDOW_DAYS` (30) before `now` (重复's window for open tickets).
 * - A ticket already made part of a case (`caseOf`) is left out: a leader has acted on that pattern. A case's lead
 *   ticket is still a ticket of its own and may still be grouped.
 * - Clustering: star-shaped, oldest ticket first: a seed takes every ungrouped ticket of its category similar to it
 *   (not chains of similar-to-similar, which drift), keeping one area; the group stands when it has enough
 *   enterprises, else its members stay free for later seeds.
 * - Label: "4家企业反映 钱塘园区 变压器增容": the count of enterprises, the area when known, and the phrase the summaries
 *   share (after the folding above, so 扩容 reads 增容; at most 8 characters, in at least half of them, the one covering
 *   the most text); when none is, the category ("用工人才类问题"). It names no enterprise: the names are listed apart.
 * - Directory: optional. Without it, the area is unknown and enterprises are told apart by id or group.
 * - Cost: O(n²) comparisons within a category over the window's open tickets; 2,000 open tickets take about 0.3 s.
 *
 * The case (`共性 #12 #15 #19`, handlers/common-case.handler.ts), choices made:
 * - Leaders and admins only (permission `case`): it moves other departments' tickets. Others get a short refusal.
 * - The lead is the first number given (the leader's choice, not guessed); the others join it. Every number must be a
 *   ticket, open (已受理 / 待签收 / 办理中), not in another case, and a member must not lead one; the lead must be
 *   dispatched (its handler is where the members go). Any problem: one short answer listing them, nothing changes.
 *   A group need not be one `groupCommonIssues` found: leaders may know better (two enterprises suffice).
 * - Members go to the lead's handler and team through the 转办 path (`dispatchAnew`: 待签收, a new 签收 clock, each
 *   with its own deadline and reminders); `caseOf` on each member, `caseMembers` on the lead (the answer fan-out
 *   reads the lead, no query by `caseOf` is needed). `共性 #12 #25` later adds #25 to #12's case.
 * - The lead's answer (办结 #12 …, chat or workbench) answers each member still open and in the case (`case_resolve`,
 *   recorded as a `resolve` event: every figure counts it as answered) and is posted to each member's own group with
 *   that ticket's own number, summary, reporter and rating buttons. The answer's text is the cadre's answer to all;
 *   nothing of another enterprise's ticket (its summary, text, enterprise or number) is sent to a member's group.
 * - Each enterprise rates its own ticket; 不满意 reopens only that ticket (it stays `caseOf` the lead: a later answer
 *   of the lead, after the lead itself is reopened, answers it again). A member may still be answered on its own.
 */

/** At least this many different enterprises make a pattern ("several"). */
export const MIN_ENTERPRISES = 3;
/** Text similarity (similarity.ts `cosine`) at which two summaries are the same problem for 共性 (重复's `unsure`). */
export const SIMILAR_AT = 0.36;
/** Tickets created within this many days before now (重复's open-ticket window). */
export const WINDOW_DAYS = 30;
const DAY_MS = 86_400_000;
const PHRASE_MAX = 8;

export interface CommonIssueGroup {
  /** "4家企业反映 钱塘园区 增容" */
  label: string;
  category: Category;
  categoryLabel: string;
  /** The enterprises' area (园区) when the directory knows it, the same, for every one of them; else null. */
  area: string | null;
  /** The shared problem phrase, or the category's "…类问题". */
  phrase: string;
  /** Ticket numbers, ascending. */
  tickets: number[];
  /** The enterprises' names as the tickets carry them (or the directory knows them), in ticket order, each once. */
  enterprises: string[];
  enterpriseCount: number;
}

/** The fields of a ticket the grouping reads (events and text are never needed). */
export type GroupableTicket = Pick<Ticket, 'no' | 'status' | 'category' | 'summary' | 'enterpriseId' | 'enterprise' | 'platform' | 'chatId' | 'createdAt' | 'caseOf'>;

export interface GroupOptions {
  /** ISO instant: the window ends here. */
  now: string;
  /** For enterprises' areas and the enterprise of a group a ticket came from. */
  directory?: Pick<Directory, 'enterprise' | 'group'> | null;
  windowDays?: number;
  minEnterprises?: number;
  similarAt?: number;
}

interface Item {
  t: GroupableTicket;
  f: Features;
  enterpriseKey: string;
  enterpriseName: string;
  area: string | null;
}

/** Groups the open tickets' similar problems from several enterprises (see the choices above). Pure. */
export function groupCommonIssues(open: readonly GroupableTicket[], opts: GroupOptions): CommonIssueGroup[] {
  const dir = opts.directory ?? null;
  const since = Date.parse(opts.now) - (opts.windowDays ?? WINDOW_DAYS) * DAY_MS;
  const until = Date.parse(opts.now);
  const minEnterprises = opts.minEnterprises ?? MIN_ENTERPRISES;
  const similarAt = opts.similarAt ?? SIMILAR_AT;

  const items: Item[] = open
    .filter((t) => isOpen(t) && !t.caseOf)
    .filter((t) => {
      const at = Date.parse(t.createdAt);
      return at >= since && at <= until;
    })
    .sort((a, b) => (a.createdAt < b.createdAt ? -1 : a.createdAt > b.createdAt ? 1 : a.no - b.no))
    .map((t) => {
      const enterpriseId = t.enterpriseId ?? dir?.group(t.platform, t.chatId)?.enterprise ?? null;
      const e = dir?.enterprise(enterpriseId ?? undefined);
      return {
        t,
        f: features(t.summary),
        enterpriseKey: enterpriseId ? `id:${enterpriseId}` : `chat:${t.platform}:${t.chatId}`,
        enterpriseName: t.enterprise ?? e?.name ?? '未具名企业',
        area: e?.area ?? null,
      };
    });

  const byCategory = new Map<Category, Item[]>();
  for (const it of items) {
    const list = byCategory.get(it.t.category);
    if (list) list.push(it);
    else byCategory.set(it.t.category, [it]);
  }
  const taken = new Set<number>();
  const groups: CommonIssueGroup[] = [];
  for (const seed of items) {
    if (taken.has(seed.t.no)) continue;
    let area = seed.area;
    const members = [seed];
    for (const other of byCategory.get(seed.t.category)!) {
      if (other === seed || taken.has(other.t.no)) continue;
      if (area && other.area && other.area !== area) continue;
      if (cosine(seed.f, other.f) < similarAt) continue;
      members.push(other);
      area ??= other.area;
    }
    const enterprises = new Map<string, string>();
    for (const m of members) if (!enterprises.has(m.enterpriseKey)) enterprises.set(m.enterpriseKey, m.enterpriseName);
    if (enterprises.size < minEnterprises) continue;
    for (const m of members) taken.add(m.t.no);
    const phrase = sharedPhrase(members.map((m) => m.t.summary)) ?? `${CATEGORIES[seed.t.category]}类问题`;
    // the label names an area only when every enterprise of the group is known to be in it
    const shownArea = area && members.every((m) => m.area === area) ? area : null;
    groups.push({
      label: `${enterprises.size}家企业反映 ${shownArea ? `${shownArea} ` : ''}${phrase}`,
      category: seed.t.category,
      categoryLabel: CATEGORIES[seed.t.category],
      area: shownArea,
      phrase,
      tickets: members.map((m) => m.t.no).sort((a, b) => a - b),
      enterprises: [...new Set([...members].sort((a, b) => a.t.no - b.t.no).map((m) => m.enterpriseName))],
      enterpriseCount: enterprises.size,
    });
  }
  // the largest patterns first, then the oldest ticket
  return groups.sort((a, b) => b.enterpriseCount - a.enterpriseCount || a.tickets[0]! - b.tickets[0]!);
}

/**
 * The phrase (2–8 characters, at least two of them Han) of the summaries' compared form (similarity.ts
 * `canonicalText`: fillers out, synonyms folded) found in at least half of them that covers the most text (summaries
 * × characters); null when none. Ties: the one found in more summaries, then the first in the first summary.
 */
export function sharedPhrase(summaries: readonly string[]): string | null {
  const runs = summaries.map((s) => canonicalText(s).split(' ').filter(Boolean));
  const need = Math.max(2, Math.ceil(summaries.length / 2));
  let best: { p: string; n: number; w: number } | null = null;
  const seen = new Set<string>();
  for (const run of runs.flat()) {
    const chars = [...run];
    for (let len = Math.min(PHRASE_MAX, chars.length); len >= 2; len--) {
      for (let i = 0; i + len <= chars.length; i++) {
        const p = chars.slice(i, i + len).join('');
        if (seen.has(p)) continue;
        seen.add(p);
        if ((p.match(/\p{Script=Han}/gu) ?? []).length < 2) continue;
        const n = runs.filter((r) => r.some((x) => x.includes(p))).length;
        if (n < need) continue;
        // the most shared text: summaries × characters ("高企认定" in 10 of 13 before "认定" in 13)
        const w = n * [...p].length;
        if (!best || w > best.w || (w === best.w && n > best.n)) best = { p, n, w };
      }
    }
  }
  return best?.p ?? null;
}
