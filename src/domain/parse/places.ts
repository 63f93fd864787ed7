import list from './places.json' with { type: 'json' };

/**
 * China's provinces, cities and counties by name (places.json, written by scripts/gen-places.ts from GB/T 2260): in full
 * (宁津县) and short (宁津), as people write them before an enterprise's name or in its signature.
 */
const PLACES: ReadonlySet<string> = new Set(list as string[]);
/** The first two characters of every place: a text starting otherwise starts with none (most texts, looked up at once). */
const PLACE_HEADS: ReadonlySet<string> = new Set((list as string[]).map((p) => p.slice(0, 2)));

/**
 * Places whose names are everyday words before anything else (港口拥堵, 公安机关, 城区停电, 资源整合, 和平路, 红旗村,
 * 东方红): not read as a place at the start of a name.
 */
const WORD_PLACES: ReadonlySet<string> = new Set([
  '港口', '公安', '城区', '资源', '中方', '和平', '新华', '城关', '新建', '解放', '红旗', '新城', '郊区', '矿区', '开发', '城中', '东方',
  '东区', '西区', '南区', '北区', '市中', '中心', '长安', '友好', '团结', '胜利', '前进', '永和', '青山', '白云', '南山', '北山',
]);

/** A regiment of the Xinjiang Production and Construction Corps by its number ("一四三团", "一五〇团"), a town of its own. */
const REGIMENT = /^[一二三四五六七八九〇零十]{2,4}团(?:场)?/;

/** The known place `s` starts with, longest first (2–8 characters), or null. Pure. */
export function placeAtStart(s: string): string | null {
  const regiment = REGIMENT.exec(s)?.[0];
  if (regiment) return regiment;
  if (!PLACE_HEADS.has(s.slice(0, 2))) return null;
  for (let n = Math.min(8, s.length); n >= 2; n--) {
    const head = s.slice(0, n);
    if (PLACES.has(head) && !WORD_PLACES.has(head)) return head;
  }
  return null;
}
