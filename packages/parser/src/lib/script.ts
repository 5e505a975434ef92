/**
 * The language of a document written in Chinese: Traditional characters make it zh-TW (or zh-HK
 * with Hong Kong evidence), so that a Traditional source converted without an edition is tagged,
 * set in Traditional faces and labelled in Traditional characters like a Traditional edition is.
 * A Simplified or mixed document (most of the corpus; the 1957 report mixes both) keeps no tag:
 * the exporters' default, zh-CN.
 *
 * The evidence is characters that only one script uses, the 300 most frequent such pairs in the
 * corpus's reports (from OpenCC's tables: a Simplified character its Simplified → Traditional table
 * changes and no Traditional text contains, and its Traditional form, which no Simplified text
 * contains; @wenshu/zh's tests check the lists against those tables), plus Taiwan's forms 為 眾.
 */

/** Simplified-only characters (国 业 产 会 …). */
const SIMPLIFIED =
  '国业产会发设经为们义资个动进这实关对农务区学应条规机济长现时来级体点员过开强当内将领营权质项数须创导决还并题华问' +
  '联统结总术间积该费运群组亿从团劳争标议财优说办护战极坚续单够场众达专备际态门验协两东证医县础织责约调稳职险与别变' +
  '认阶扩转况载复选电军没审构样处环监粮许无苏习额乡节类养减铁试难举较风货严线帮灾检势担给参购则继吨报车债巩销预挥视' +
  '断负属显评兴镇卫层观论错亚坏宪届维边识励执补贸纠张户误仅获轻针筹绿远钢历综园让矿紧队旧满药见亩围彻独网图链纷请输' +
  '书双带损绝装状贯绩诉伟传记偿疗违顾压尽贫气订买随卖库湾敌爱脱践头荣讼潍轮纪辖师税侨奋废艰虽儿剥训击响残毕竞纳贷鲜' +
  '杂艺泽连拥潜灭签编觉馀岗奖顺马谋赔银黄';

/** Traditional-only characters (國 業 產 會 …). */
const TRADITIONAL =
  '國業產會發設經爲們義資個動進這實關對農務區學應條規機濟長現時來級體點員過開強當內將領營權質項數須創導決還並題華問' +
  '聯統結總術間積該費運羣組億從團勞爭標議財優說辦護戰極堅續單夠場衆達專備際態門驗協兩東證醫縣礎織責約調穩職險與別變' +
  '認階擴轉況載復選電軍沒審構樣處環監糧許無蘇習額鄉節類養減鐵試難舉較風貨嚴線幫災檢勢擔給參購則繼噸報車債鞏銷預揮視' +
  '斷負屬顯評興鎮衛層觀論錯亞壞憲屆維邊識勵執補貿糾張戶誤僅獲輕針籌綠遠鋼歷綜園讓礦緊隊舊滿藥見畝圍徹獨網圖鏈紛請輸' +
  '書雙帶損絕裝狀貫績訴偉傳記償療違顧壓盡貧氣訂買隨賣庫灣敵愛脫踐頭榮訟濰輪紀轄師稅僑奮廢艱雖兒剝訓擊響殘畢競納貸鮮' +
  '雜藝澤連擁潛滅籤編覺餘崗獎順馬謀賠銀黃為眾';

/**
 * Hong Kong's own form 説 (Taiwan 說) and Cantonese particles. Not 綫 衞: older Traditional texts
 * write them too (the 1954 report has 綫 11 times, 衞 22 times).
 */
const HONG_KONG = '説嘅咗喺冇佢哋';

/** Characters of one script only, this many times those of the other, make a text of that script. */
const MAJORITY = 4;
/** Hong Kong forms, particles or mentions of 香港 this many times make a Traditional text Hong Kong's. */
const HONG_KONG_MINIMUM = 3;

// One byte per UTF-16 code unit (all the listed characters are in the BMP): a document of
// megabytes is read in a few milliseconds, as `wenshu` does for every report and every edition.
const SIMPLIFIED_MARK = 1;
const TRADITIONAL_MARK = 2;
const HONG_KONG_MARK = 4;
const marks = new Uint8Array(0x10000);
for (const ch of SIMPLIFIED) marks[ch.charCodeAt(0)] = SIMPLIFIED_MARK;
for (const ch of TRADITIONAL) marks[ch.charCodeAt(0)] = TRADITIONAL_MARK;
for (const ch of HONG_KONG) marks[ch.charCodeAt(0)] = (marks[ch.charCodeAt(0)] as number) | HONG_KONG_MARK;

/** The script-specific characters the lists know, for the tests. */
export const SCRIPT_CHARACTERS: { simplified: string; traditional: string } = {
  simplified: SIMPLIFIED,
  traditional: TRADITIONAL,
};

/**
 * `zh-TW` for a text written in Traditional characters (`zh-HK` with Hong Kong forms, Cantonese
 * particles or 香港), `undefined` otherwise (Simplified, mixed, or no Chinese).
 */
export function traditionalLanguageOf(text: string): 'zh-TW' | 'zh-HK' | undefined {
  let simplifiedCount = 0;
  let traditionalCount = 0;
  let hongKongCount = 0;
  for (let i = 0; i < text.length; i++) {
    const mark = marks[text.charCodeAt(i)] as number;
    if (mark === 0) continue;
    if (mark & TRADITIONAL_MARK) traditionalCount++;
    else if (mark & SIMPLIFIED_MARK) simplifiedCount++;
    if (mark & HONG_KONG_MARK) hongKongCount++;
  }
  if (traditionalCount < 2 || traditionalCount <= MAJORITY * simplifiedCount) return undefined;
  hongKongCount += text.split('香港').length - 1;
  return hongKongCount >= HONG_KONG_MINIMUM ? 'zh-HK' : 'zh-TW';
}
