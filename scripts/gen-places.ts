/**
 * Writes src/domain/parse/places.json: the names of China's provinces, cities and counties (GB/T 2260, from the
 * china-area-data dev dependency) in full and in the short forms written before an enterprise's name or in its
 * signature (沈阳, 仙游, 宁津县, 孟村回族自治县 and 孟村). The product reads the generated file, never the package.
 * Usage: npm run gen:places
 */
import { writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';

/** China's nationalities, as named in autonomous areas (孟村回族自治县, 阿坝藏族羌族自治州, 海西蒙古族藏族自治州). */
const NATIONALITIES =
  '蒙古|回|藏|维吾尔|苗|彝|壮|布依|朝鲜|满|侗|瑶|白|土家|哈尼|哈萨克|傣|黎|傈僳|佤|畲|拉祜|水|东乡|纳西|景颇|柯尔克孜|土|达斡尔|仫佬|羌|布朗|撒拉|毛南|仡佬|锡伯|阿昌|普米|塔吉克|怒|乌孜别克|俄罗斯|鄂温克|德昂|保安|裕固|京|塔塔尔|独龙|鄂伦春|赫哲|门巴|珞巴|基诺|各族';

/** The place names, sorted: what places.json holds. */
export function placeNames(): string[] {
  const data = createRequire(import.meta.url)('china-area-data/data.json') as Record<string, Record<string, string>>;
  const names = new Set<string>();
  for (const level of Object.values(data)) {
    for (const full of Object.values(level)) {
      if (/^(市辖区|县|省直辖县级行政区划|自治区直辖县级行政区划)$/.test(full)) continue;
      names.add(full);
      // the core without its ethnic-autonomy words and its level: 孟村回族自治县 → 孟村, 宁津县 → 宁津, 广西壮族自治区 → 广西
      // (a nationality of several characters may be written without 族: 新疆维吾尔自治区, 伊犁哈萨克自治州)
      const stripped = full.replace(new RegExp(`(?:(?:${NATIONALITIES})族|维吾尔|哈萨克|柯尔克孜|蒙古)+(?=自治)`, 'g'), '');
      // (内蒙古自治区 keeps its 蒙古: the place is 内蒙古)
      const core = /^[\u4e00-\u9fa5]?自治/.test(stripped) ? full : stripped;
      const short = core.replace(/(自治区|自治州|自治县|自治旗|地区|特别行政区|省|市|县|区|旗|盟|林区)$/, '');
      names.add(short);
    }
  }
  return [...names].filter((n) => n.length >= 2).sort();
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const list = placeNames();
  writeFileSync(new URL('../src/domain/parse/places.json', import.meta.url), `${JSON.stringify(list)}\n`);
  console.log(`${list.length} place names`);
}
