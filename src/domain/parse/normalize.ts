import * as OpenCC from 'opencc-js';
import { AnyOf, GatedReplace } from './gate.js';

const convert = OpenCC.Converter({ from: 't', to: 'cn' });

/**
 * The characters (UTF-16 code units) the traditional → simplified conversion may change, its normalisation included:
 * those that differ between a dictionary word and what it becomes, at their place in the word (every character of a
 * word that changes length). A text holding none of them comes out of the converter as it went in, so the converter
 * is not run on it; most messages are written in simplified characters. One bit per character (8 KiB). Null where
 * the library does not show its dictionaries (every text is then converted).
 */
const CONVERTIBLE: Uint32Array | null = (() => {
  type Dict = string | readonly (readonly [string, string])[];
  const t2s = (OpenCC.Locale.configs as Record<string, { conversionChain?: readonly (readonly Dict[])[]; normalizationChain?: readonly (readonly Dict[])[] } | undefined>).t2s;
  if (!t2s?.conversionChain) return null;
  const bits = new Uint32Array(0x10000 >>> 5);
  const mark = (c: number): void => {
    bits[c >>> 5]! |= 1 << (c & 31);
  };
  for (const group of [...(t2s.normalizationChain ?? []), ...t2s.conversionChain]) {
    for (const dict of group) {
      const pairs = typeof dict === 'string' ? dict.split('|').map((e) => e.split(' ') as [string, string?]) : dict;
      for (const [from, to = from] of pairs) {
        for (let i = 0; i < from.length; i++) if (from.length !== to.length || from.charCodeAt(i) !== to.charCodeAt(i)) mark(from.charCodeAt(i));
      }
    }
  }
  return bits;
})();

/** Traditional script read as simplified; the converter is run only on a text that has a character it may change. */
export function toSimplified(text: string): string {
  if (CONVERTIBLE) {
    let any = false;
    for (let i = 0; i < text.length && !any; i++) {
      const c = text.charCodeAt(i);
      any = (CONVERTIBLE[c >>> 5]! & (1 << (c & 31))) !== 0;
    }
    if (!any) return text;
  }
  const out = convert(text);
  if (out.length !== text.length || !AS_WRITTEN.test(text)) return out;
  // (the places whose 乾 the converter reads as 干 "dry": 乾安县 in Jilin, 乾县 in Shaanxi; round 332)
  return out.replace(AS_WRITTEN_AFTER, (m: string, offset: number) => (text[offset] === '乾' ? `乾${m.slice(1)}` : m));
}
/** Words the traditional → simplified converter gets wrong, kept as written. */
const AS_WRITTEN = /乾安|乾县|乾縣/;
/** The same words as the converter writes them. */
const AS_WRITTEN_AFTER = /干安|干县/g;

/**
 * Full-width digits, letters and the symbols used in commands (＃＠％＋－．／：) become half-width; Chinese
 * punctuation (，。！？；（）) is kept, because summaries are shown back to people.
 */
const FULL_WIDTH = /[\uFF10-\uFF19\uFF21-\uFF3A\uFF41-\uFF5A\uFF03\uFF20\uFF05\uFF0B\uFF0D\uFF0E\uFF0F]/g;

/**
 * Written Cantonese (Guangdong and Hong Kong groups: 我哋嘅倉庫, 仲未批, 搞掂咗) read as standard written Chinese, as
 * traditional script is read as simplified: the function words and the common verbs, longest first. Only words that
 * are Cantonese alone, or in the frames where they are (仲未, not 仲裁; 驳好, not 驳回; 我系, not 体系), are replaced.
 */
const CANTONESE: [string, string][] = [
  ['去到边', '到哪了'], ['喺边', '在哪'], ['好易', '很容易'], ['唔该', '麻烦'], ['唔系', '不是'], ['系咪', '是不是'], ['冇问题', '没问题'], ['搞掂晒', '搞定了'], ['搞掂', '搞定'], ['点样', '怎样'],
  ['点解', '为什么'], ['点搞', '怎么办'], ['点办', '怎么办'], ['点报', '怎么报'], ['成点', '得怎样'], ['边度', '哪里'], ['边个', '谁'],
  ['边间', '哪家'], ['边份', '哪份'], ['而家', '现在'], ['今朝', '今天早上'], ['听日', '明天'], ['天光日', '明天'], ['琴日', '昨天'],
  ['寻日', '昨天'], ['成日', '经常'], ['乜嘢', '什么'], ['啲乜', '什么'], ['做乜', '做什么'], ['咩嘢', '什么'], ['啲咩', '什么'], ['做咩', '做什么'], ['帮手', '帮忙'], ['走佬', '跑路'], ['老细', '老板'],
  ['食饭', '吃饭'], ['饭堂', '食堂'], ['地盘', '工地'], ['屋企', '家里'], ['倾咗', '谈了'], ['倾过', '谈过'],
  ['驳好', '接好'], ['驳电', '接电'], ['驳线', '接线'], ['驳通', '接通'], ['呢个', '这个'], ['呢度', '这里'],
  ['呢间', '这间'], ['呢单', '这单'], ['呢张', '这张'], ['呢份', '这份'], ['呢件', '这件'], ['呢排', '最近'], ['呢次', '这次'], ['嗰个', '那个'], ['嗰度', '那里'], ['嗰间', '那间'], ['𠮶个', '那个'], ['𠮶度', '那里'], ['𠮶间', '那间'],
  ['仲未', '还没'], ['仲有', '还有'], ['仲系', '还是'], ['仲要', '还要'], ['仲喺', '还在'], ['仲冇', '还没'],
  ['仲唔', '还不'], ['改返', '改回'], ['重新开返', '重新开'], ['唔使', '不用'], ['唔肯定', '不确定'], ['咁样', '这样'], ['好似', '好像'], ['钟意', '喜欢'], ['攞', '拿'], ['睇', '看'], ['搵', '找'],
  ['揾', '找'], ['畀', '给'], ['俾', '给'], ['嚟', '来'], ['咗', '了'], ['哋', '们'], ['嘅', '的'], ['喺', '在'],
  ['佢', '他'], ['冇', '没有'], ['唔', '不'], ['啲', '的'], ['嗰', '那'], ['𠮶', '那'], ['咁', '这么'], ['嘢', '东西'], ['瞓', '睡'], ['窿', '洞'],
];
// (点解 is "why", not the 点解 of 重点解决 or 要点解读; 点报 is "how to file" only where a clause or a question opens with
// it — "点报？", "要点报", "唔知点报" —, not 早点报, 三点报到, 差点报废, 重点报道 or 要点报告)
const GUARDED: Record<string, string> = { 点解: '点解(?![决读析释])', 点报: '(?<=^|[\\s，,。？?！!：:]|要|可以|们|知|问)点报(?![告道到名修废])' };
const CANTONESE_WORD = new RegExp(CANTONESE.map(([k]) => GUARDED[k] ?? k).join('|'), 'g');
const CANTONESE_MAP = new Map(CANTONESE);
/** 系 as the verb 是 (opencc turns 係 into 系): after a subject, an adverb or a comma, not inside 体系, 联系, 关系. */
const IS = /(?<=[我你他她们都就也真亦即先又还不但该只司，,])系(?![统列数])/g;
/** What follows a 系 that is not 是: a system, a series, tying, a department, a time. */
const NOT_IS_AFTER = '(?![统列数好上紧着鞋领绳就了的也都里主今去明前扣]|安全|保险|红绳|腰带)(?=[\\u4e00-\\u9fa5])';
const HAKKA_IS = new RegExp(`(?:不|我们?)系${NOT_IS_AFTER}`);
/** Where such a text's 系 is read as 是: after 不, 我(们), a pause or its start, before what it is (not what is tied). */
const HAKKA_IS_AT = new RegExp(`(?<=不|我们?|^|[，,。\\s])系${NOT_IS_AFTER}`, 'g');
/** "唔系华锐系华睿": not the one, but the other (the second 系 after what it is not). */
const NOT_THIS_BUT = /(不是[\u4e00-\u9fa5]{1,8}?)系(?=[\u4e00-\u9fa5])/g;
/** 话 as the verb 说 ("佢话", "工人话要去镇政府"): after a speaker or an adverb, not in 电话, 说话, 话题. */
const SAYS = /(?<=[我你他她们都又就还人方局家板工])话(?![题费筒术剧语])/g;
/** What only written Cantonese writes (倾斜, 驳回, 地盘 alone are standard Chinese too): the table is applied only to such texts. */
const CANTONESE_MARK = /[哋嘅咗喺佢冇嚟睇搵揾俾畀啲嗰唔咁嘢攞瞓]|𠮶|搞掂|系咪|今朝|听日|天光日|而家|成日|饭堂|仲未|点解(?![决读析释])|(?<![这那旁身左右前后上下里外东西南北两一半周海江河路岸])边个(?!体|人|子)/;

/**
 * Dialect words read as standard Chinese in every text: "we" and "I" (俺们, 额们, 咱, 阿拉, Wenzhou 我俫) as 我们 / 我, so that every rule
 * keyed on 我们 reads them; south-western 咋个 / 啥子 / 莫得 / 没得 as 怎么 / 什么 / 没有; a Japanese manager's 弊社 (our company) as
 * 我司 and の between Chinese characters as 的 ("三和精工の田中です"); Wu's question 伐 as 吗 ("是免费的伐"), 明朝 / 今朝 as 明天 / 今天;
 * south-western 好多？ (how many, asked) as 多少; Hokkien 阮 (we) as 我们 where it opens the writer's words or names the enterprise ("阮是宝源服装", "欠阮货款"; not 阮总, a surname);
 * Wu 伲 / 倷 (we / you, Suzhou and Wuxi: "伲是苏州澄锐精密") as 我们 / 你 and 哉 closing a clause as 了; Xiang 哒 after a verb
 * ("写错哒", "过哒两天哒") as 了, not the 哒 of 么么哒; the internet's 有木有 as 有没有 (not in 大有木有限公司); Xiang (western Hunan)
 * 冒得 as 没有, 冒 as 没 after 还 / 都 / 也 / 又 / 就 / 才 / 是 before a verb ("还冒通水", "都冒人来"; not 冒烟, 冒水), 么子 / 啷个 as 什么 / 怎么;
 * northern Shaanxi's 咧 closing a clause ("路口堵咧", "跳闸咧") as 了; Wu (Yiwu, Jinhua) 弗 as 不 ("能弗能", "弗晓得"; not in a
 * foreign name: 弗兰克, 埃弗航空, 舍弗勒, 弗迪) and 尔们 opening a clause, 尔 / 尔们 after 把 / 给 / 跟, as 你 / 你们 ("把尔拿弗准的";
 * not 哈尔滨, 尔康), 咋么 as 怎么; northern (Huainan, Suzhou) 明个 / 后个 as 明天 / 后天 before a time of day, 前, 就, 要 or a pause
 * ("明个上午之前必须把水接上"; not 最后个, 证明个, 查明个中原因).
 */
const PRONOUNS = /有木有(?!限)|明儿(?!个)|今儿(?!个)|昨儿(?!个)|明儿个|今儿个|昨儿个|(?<![聪光英文发说证查表声阐])明个(?=[上下早晚中]|之?前|就|要|必须|再|一早|[，,\s])|(?<![最然以之落前背随往先])后个(?=[上下早晚中]|之?前|就|要|必须|再|一早|[，,\s])|俺们|额们|我俫|咱们|咱(?!家)|阿拉(?!善|伯|尔|山)|俺|(?<=^|[，,。！!？?\s])额(?=是|给|想|就|也|家|这|跟|刚)|咋个|啥子|莫得|没得(?=[^到])|弊社|敝社|明朝(?=就|要|上午|下午|早上|一早|开|[，,\s])|今朝(?=早上|上午|下午|就|要|开始|[，,\s])|(?<=[\u4e00-\u9fa5])の(?=[\u4e00-\u9fa5])|(?<=[的了好是要能有对行过])伐(?=[\s，,。？?！!]|$)|(?<=^|[，,。！!？?\s]|[\u{1F300}-\u{1FAFF}])阮(?=是|这边|公司|厂|[\u4e00-\u9fa5]{2,5}(?:鞋业|鞋服|服装|服饰|纺织|机械|石材|茶业|体育|食品|工艺|陶瓷|瓷业))|(?<=[欠给帮让叫找])阮(?=[\u4e00-\u9fa5])|好多(?=[？?])|伲|倷|(?<=[\u4e00-\u9fa5])哉(?=[\s，,。？?！!]|$)|(?<=[\u4e00-\u9fa5])(?<![么萌])哒(?!哒)|(?<![请切务])勿(?![忘扰])|(?<!感)冒得(?![厉很太好多凶猛慌])|(?<=[还都也又就才是])冒(?=[通批审人到回收来动修理管拿给发办])|(?<![为怎这那多什要])么子|啷个|(?<=[\u4e00-\u9fa5])(?<![笑咧])咧(?=[\s，,。！!？?]|$)|(?<![埃克杰夫斯拉罗尼兰吉威德佛哈杜舍])弗(?![兰吉里洛雷拉莱朗德罗迪])|(?<=^|[，,。！!？?\s])尔们(?=[\u4e00-\u9fa5])|(?<=[把给跟让叫帮替请])尔们?(?=[\u4e00-\u9fa5])|咋么(?=样|办|弄|搞|走|申|报|查|回事)/gu;
const PRONOUN_OF: Record<string, string> = { 有木有: '有没有', 明儿: '明天', 明个: '明天', 后个: '后天', 今儿: '今天', 昨儿: '昨天', 明儿个: '明天', 今儿个: '今天', 昨儿个: '昨天', 俺们: '我们', 额们: '我们', 我俫: '我们', 额: '我', 咱们: '我们', 咱: '我们', 阿拉: '我们', 俺: '我', 咋个: '怎么', 啥子: '什么', 莫得: '没有', 没得: '没有', 明朝: '明天', 今朝: '今天', 弊社: '我司', 敝社: '我司', の: '的', 伐: '吗', 阮: '我们', 好多: '多少', 伲: '我们', 倷: '你', 哉: '了', 哒: '了', 勿: '不', 冒得: '没有', 冒: '没', 么子: '什么', 啷个: '怎么', 咧: '了', 弗: '不', 尔: '你', 尔们: '你们', 咋么: '怎么' };

/** Words only Wu writes (勿 before it is read as 不): the text's 个 may be 的. */
const WU_MARK = /(?<![请切务])勿(?![忘扰])|侬|伲|倷|哪能|上趟|这趟|事体|小囡|(?<=[的了好是要能有对行过])伐(?=[\s，,。？?！!]|$)/;
const WU_OF = /(?<![一二三四五六七八九十两几这那哪每某各整半单\d真给有搞弄发打做找派出定拿换装修建请问讲说写交批约排])个(?![体人税别性案子头儿])/g;
/** The dialect words and the Cantonese marks, each run only on a text holding what it needs. */
const PRONOUNS_GATED = new GatedReplace(PRONOUNS);
const WU_MARKED = new AnyOf([WU_MARK]);
const CANTONESE_MARKED = new AnyOf([CANTONESE_MARK]);

/** Normalises a message for reading: half-width forms, traditional → simplified, written Cantonese read as standard
 * written Chinese, collapsed white space. */
export function normalizeText(text: string): string {
  let t = toSimplified(text.replace(FULL_WIDTH, (c) => String.fromCharCode(c.charCodeAt(0) - 0xfee0)));
  if (CANTONESE_MARKED.test(t)) t = t.replace(CANTONESE_WORD, (w: string) => CANTONESE_MAP.get(w)!).replace(IS, '是').replace(SAYS, '说').replace(NOT_THIS_BUT, '$1，是');
  // Gan and Hakka (Jiangxi) write 系 for 是 with no Cantonese word besides: "61号不系问题", "我们系亿家居", "系赣州恒丰磁材，
  // 不系恒兴磁材" (rounds 247–253) — read so where 不系 or 我(们)系 says it is a word that follows (not 不系统, 系好安全带,
  // "安全绳都不系就上去了"; not before a Latin name, "我们系 JA Photonics 吉安晶瑞光电", which the name reader takes whole
  // after 我们是)
  else if (t.includes('系') && HAKKA_IS.test(t)) t = t.replace(HAKKA_IS_AT, '是');
  // Hakka (Meizhou, Heyuan): 𠊎 / 𠊎兜 for I / we, 係 (系 after conversion) for 是, 个 closing a phrase for 的, 麼个 for 什么
  // (涯, ngai, written for 𠊎 where the font lacks it: "涯系寻乌果满园农业的", "涯兜厂里"; not 天涯, 生涯)
  if (t.includes('涯')) t = t.replace(/(?<![天生无海])涯(?=系|兜|们|哋|屋下|厂|公司)/g, '𠊎');
  if (t.includes('𠊎')) t = t.replace(/𠊎(兜|们|哋)/g, '我们').replace(/𠊎/g, '我').replace(/(?<=我|我们|^|[，,。\s])系/g, '是').replace(/个(?=[，,。！!？?\s]|$)/g, '的').replace(/麼个|么个/g, '什么');
  // Wu (Shanghai, Suzhou, Ningbo, Shaoxing): 个 as 的 ("我们公司个事体", "合格个", "员工个小囡") in a text that is Wu by its
  // other words; not a measure word (十个, 两个, 这个), nor 个体, 个人, 个税
  if (WU_MARKED.test(t)) t = t.replace(WU_OF, '的');
  t = PRONOUNS_GATED.replace(t, (w: string) => PRONOUN_OF[w]!);
  return t.replace(/[\s\u3000]+/g, ' ').trim();
}

/** The text without spaces and punctuation: what the intent rules and the digest request read. */
export const bareText = (t: string): string => t.replace(/[\s,.!?;:，。！？；：、~～…\-—"'“”‘’()（）【】\[\]]/g, '');
