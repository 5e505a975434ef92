/**
 * Words OpenCC converts wrongly, shipped with the package and applied by default.
 *
 * Why they go wrong: OpenCC cuts text into segments by forward maximum matching on its phrase
 * list, then converts each segment stage by stage. A phrase that straddles a word boundary wins
 * when it starts first (被发明 → 被髮|明, since 被发 "hair let down" is a phrase), and a run of
 * characters that start no phrase is one segment, inside which the Taiwan vocabulary stage
 * matches freely (静默认证 → 靜|默認→預設|證).
 *
 * How they are fixed: the way OpenCC fixes such errors upstream, by adding phrases to its stage-1
 * phrase list (STPhrases.txt), for the editions listed. At every position the longest match wins,
 * OpenCC's phrases and these words alike, and on equal length these words win. So a word here
 * never cuts into a longer OpenCC phrase that starts earlier (头发明显 stays 頭髮明顯), and a wrong
 * phrase is overruled by a correct one starting at the same place (被发 → 被發 replaces OpenCC's
 * bare 被发 → 被髮, while its classical 被发左衽 → 被髮左衽 is longer and still wins).
 * `traditional` is OpenCC standard Traditional: like any stage-1 phrase, it then goes through the
 * edition's later stages as a segment of its own (成羣 → 成群 for Taiwan).
 *
 * Each entry cites the report it comes from and carries an example that the tests convert; the
 * tests also check that opencc-js alone still gets the example wrong, so a fixed upstream
 * dictionary shows up as an entry to delete.
 */
import type { Variant } from './pipeline.js';

export interface OverrideWord {
  /** The Simplified word, as it is matched. */
  simplified: string;
  /** Its OpenCC standard Traditional form. */
  traditional: string;
  /** The editions whose error it fixes. */
  variants: readonly Variant[];
  /** What OpenCC does wrong, and where it was reported. */
  reason: string;
  /** A text OpenCC gets wrong and what each listed edition must give. */
  example: { text: string; expected: Partial<Record<Variant, string>> };
  /**
   * Also cut an OpenCC phrase that starts before this word and ends inside it (多采|用: the
   * phrase 多采 "colourful" ends inside 采用): the phrase gives way, its first part converts
   * character by character, and this word is a segment. For words whose other segmentation is
   * a phrase of another meaning, found on real text; a plain override only competes with
   * phrases starting where it starts.
   */
  cutsEarlierPhrase?: boolean;
}

const ALL: readonly Variant[] = ['t', 'tw', 'twp', 'hk'];

/** Verbs with 采 "gather, pick" (採) found after OpenCC's phrases ending in 采 "colour": see below. */
const CAI_VERBS: readonly (readonly [string, string])[] = [
  ['采用', '採用'],
  ['采取', '採取'],
  ['采矿', '採礦'],
  ['采集', '採集'],
  ['采购', '採購'],
  ['采纳', '採納'],
  ['采访', '採訪'],
  ['采伐', '採伐'],
  ['采摘', '採摘'],
  ['采煤', '採煤'],
  ['采样', '採樣'],
  ['采砂', '採砂'],
  ['采暖', '採暖'],
  ['采信', '採信'],
  ['采掘', '採掘'],
  ['采油', '採油'],
  ['采气', '採氣'],
  ['采石', '採石'],
];

/**
 * 数字 "digital" before these words is 數位 in Taiwan (數位經濟, 數位化, 數位政府: Taiwan's ministry is
 * 數位發展部); OpenCC's Taiwan table has only 數位印刷, 數位電路, 數位電子, 數位人文. 數字 stays for
 * figures (数字表明, 阿拉伯数字, 统计数字). The simplified rest and its standard Traditional form.
 */
const DIGITAL: readonly (readonly [string, string])[] = [
  ['化', '化'],
  ['经济', '經濟'],
  ['产业', '產業'],
  ['贸易', '貿易'],
  ['金融', '金融'],
  ['政府', '政府'],
  ['技术', '技術'],
  ['转型', '轉型'],
  ['中国', '中國'],
  ['乡村', '鄉村'],
  ['出版', '出版'],
  ['赋能', '賦能'],
  ['服务', '服務'],
  ['消费', '消費'],
  ['教育', '教育'],
  ['娱乐', '娛樂'],
  ['文创', '文創'],
  ['空间', '空間'],
  ['治理', '治理'],
  ['基础设施', '基礎設施'],
  ['平台', '平臺'],
  ['时代', '時代'],
  ['人民币', '人民幣'],
  ['资产', '資產'],
  ['内容', '內容'],
  ['孪生', '孿生'],
];

export const OVERRIDE_WORDS: readonly OverrideWord[] = [
  {
    simplified: '静默',
    traditional: '靜默',
    variants: ['twp'],
    reason: 'Taiwan stage matches 默認→預設 across 静默|认证 (TOOLCHAIN.md; same class as BYVoid/OpenCC#1497)',
    example: { text: '静默认证', expected: { twp: '靜默認證' } },
  },
  {
    simplified: '量子',
    traditional: '量子',
    variants: ['twp'],
    reason: 'Taiwan stage matches 變量→變數 across 改变|量子 (BYVoid/OpenCC#1497)',
    example: { text: '改变量子比特', expected: { twp: '改變量子位元' } },
  },
  {
    simplified: '组织',
    traditional: '組織',
    variants: ['twp'],
    reason: 'Taiwan stage matches 數組→陣列 across 少数|组织 (BYVoid/OpenCC#1497)',
    example: { text: '少数组织', expected: { twp: '少數組織' } },
  },
  {
    simplified: '成群',
    traditional: '成羣',
    variants: ['twp'],
    reason: 'Taiwan stage matches 集成→整合 across 聚集|成群 (BYVoid/OpenCC#1497)',
    example: { text: '聚集成群', expected: { twp: '聚集成群' } },
  },
  {
    simplified: '被发',
    traditional: '被發',
    variants: ALL,
    reason:
      'bare 被发 is listed as 被髮 (hair let down), so the passive 被 + 发明/发掘/发送 gets 髮 ' +
      '(BYVoid/OpenCC#1497; Vonng/ddia#145: 被髮送); the classical 被发左衽 etc. are longer and still win. ' +
      'As a segment of its own, 被發 keeps the Taiwan stage from turning 發送 into 傳送 after it',
    example: {
      text: '被发明，被发掘，请求被发送',
      expected: { t: '被發明，被發掘，請求被發送', twp: '被發明，被發掘，請求被發送' },
    },
  },
  {
    simplified: '了如何',
    traditional: '了如何',
    variants: ALL,
    reason: '了如 (of 了如指掌) is listed as 瞭如, so the particle 了 before 如何 becomes 瞭 (BYVoid/OpenCC#1497)',
    example: {
      text: '展示了如何，学习了如何，了解了如何',
      expected: { t: '展示了如何，學習了如何，瞭解了如何', tw: '展示了如何，學習了如何，瞭解了如何' },
    },
  },
  {
    simplified: '参与制造',
    traditional: '參與製造',
    variants: ALL,
    reason: 'the phrase 参与制 (participation system) wins over 参与|制造 (BYVoid/OpenCC#1497)',
    example: { text: '参与制造', expected: { t: '參與製造', twp: '參與製造', hk: '參與製造' } },
  },
  {
    simplified: '参与制作',
    traditional: '參與製作',
    variants: ALL,
    reason: 'the phrase 参与制 wins over 参与|制作, as for 参与制造 (BYVoid/OpenCC#1497)',
    example: { text: '参与制作', expected: { t: '參與製作', tw: '參與製作' } },
  },
  {
    simplified: '前头发生',
    traditional: '前頭發生',
    variants: ALL,
    reason: '头发 (hair) wins over 前头|发生 (BYVoid/OpenCC#586; upstream fix proposed in PR #1450)',
    example: { text: '前头发生了什么', expected: { t: '前頭發生了什麼', twp: '前頭發生了什麼' } },
  },
  {
    simplified: '是只能',
    traditional: '是只能',
    variants: ALL,
    reason: '是只 (is a, with the classifier 隻) wins over 是|只能 (BYVoid/OpenCC#581)',
    example: { text: '则全都不是只能', expected: { t: '則全都不是只能', hk: '則全都不是只能' } },
  },
  {
    simplified: '是只有',
    traditional: '是只有',
    variants: ALL,
    reason: '是只 wins over 是|只有, the pattern of 是只能 (BYVoid/OpenCC#581, PR #1433)',
    example: { text: '这不是只有一个', expected: { t: '這不是只有一個', tw: '這不是只有一個' } },
  },
  {
    simplified: '一只只',
    traditional: '一隻隻',
    variants: ALL,
    reason: '一只 → 一隻 leaves the repeated classifier as 只 (nk2028/opencc-js#43, upstream BYVoid/OpenCC#1277)',
    example: { text: '一只只鸟', expected: { t: '一隻隻鳥', twp: '一隻隻鳥' } },
  },
  {
    simplified: '粉丝',
    traditional: '粉絲',
    variants: ALL,
    reason: 'the phrase 丝发 (絲髮) wins over 粉丝|发布 (Vonng/ddia#145: 粉絲髮布)',
    example: { text: '向粉丝发送消息', expected: { t: '向粉絲發送消息', twp: '向粉絲傳送消息' } },
  },
  {
    simplified: '包括',
    traditional: '包括',
    variants: ALL,
    reason: 'the phrase 括发 (括髮) wins over 包括|发送 (Vonng/ddia#145: 包括髮送)',
    example: { text: '包括发送给下游', expected: { t: '包括發送給下游', twp: '包括傳送給下游' } },
  },
  {
    simplified: '发布',
    traditional: '發布',
    variants: ['twp'],
    reason:
      'Taiwan vocabulary turns 發佈 into 釋出 (software release); reports use 發布 for announcements ' +
      '(TOOLCHAIN.md: "发布 into 釋出"; Vonng/ddia#145)',
    example: { text: '政府发布通知', expected: { twp: '政府發布通知' } },
  },
  // OpenCC's other phrases holding 发布 would outrank the word above by length, so they are
  // listed too (all of them: 发布会 and 新闻发布会 are the only ones in opencc-js 1.4.2).
  {
    simplified: '发布会',
    traditional: '發布會',
    variants: ['twp'],
    reason: 'OpenCC phrase holding 发布, as for 发布: 釋出會',
    example: { text: '举行发布会', expected: { twp: '舉行發布會' } },
  },
  {
    simplified: '新闻发布会',
    traditional: '新聞發布會',
    variants: ['twp'],
    reason: 'OpenCC phrase holding 发布, as for 发布: 新聞釋出會',
    example: { text: '新闻发布会', expected: { twp: '新聞發布會' } },
  },
  {
    simplified: '边界',
    traditional: '邊界',
    variants: ['twp'],
    reason:
      'the phrase 界面 (interface, Taiwan 介面) wins over 边界|面积: 开发边界面积 → 開發邊介面積 ' +
      '(corpus: seed report, 城镇开发边界面积)',
    example: { text: '城镇开发边界面积', expected: { twp: '城鎮開發邊界面積' } },
  },
  {
    simplified: '植发展',
    traditional: '植發展',
    variants: ALL,
    reason:
      'the phrase 植发 (hair transplant, 植髮) wins over 厚植|发展 (corpus: 2024 government work report, 厚植发展新优势)',
    example: { text: '厚植发展新优势', expected: { t: '厚植發展新優勢', tw: '厚植發展新優勢', hk: '厚植發展新優勢' } },
  },
  {
    simplified: '一出席',
    traditional: '一出席',
    variants: ALL,
    reason:
      'the phrase 一出 (one play, 一齣) wins over 之一|出席 (corpus: OpenCC golden US constitution, 五分之一出席议员)',
    example: { text: '五分之一出席议员', expected: { t: '五分之一出席議員', twp: '五分之一出席議員' } },
  },
  {
    simplified: '资金链',
    traditional: '資金鏈',
    variants: ALL,
    reason: 'the phrase 金链 (a gold chain, 金鍊) wins over 资金|链 (corpus: 2025 Sichuan report, 资金链)',
    example: { text: '资金链断裂', expected: { t: '資金鏈斷裂', tw: '資金鏈斷裂', hk: '資金鏈斷裂' } },
  },
  // 多只 "many (animals)" wins over 多|只是: 大多只是 → 大多隻是 (2024 government work report, 1955
  // report: 大多只是帝…). Starting at 多, these outrank 多只; 许多只猫 still gets 隻.
  ...['只是', '只有', '只能'].map(
    (rest): OverrideWord => ({
      simplified: `多${rest}`,
      traditional: `多${rest}`,
      variants: ALL,
      reason: `the phrase 多只 (many, with the classifier 隻) wins over 多|${rest} (corpus: 1955 report, 大多只是)`,
      example: { text: `大多${rest}`, expected: { t: `大多${rest}`, twp: `大多${rest}`, hk: `大多${rest}` } },
    }),
  ),
  // 采 "gather, pick" is 採; OpenCC's phrases ending in 采 "colour, grace" (多采, 有采, 得采, 大采,
  // 下采, 结采, 纳采, 花采) win over the verb after them: 持有采矿许可证 → 持有采礦 (issue 14), 更多采用
  // → 更多采用. These verbs cut such a phrase (多|採用); 多采多姿, 神采, 喝采 are not cut, as no
  // verb here reaches past them.
  ...DIGITAL.map(
    ([rest, standard]): OverrideWord => ({
      simplified: `数字${rest}`,
      traditional: `數位${standard}`,
      variants: ['twp'],
      reason:
        `Taiwan writes 數位 for digital: 数字${rest} → 數位…, not 數字… (found counting W3C clreq against ` +
        'its zh-hant edition: 数字出版 → 數位出版)',
      example: { text: `发展数字${rest}`, expected: { twp: `發展數位${standard}` } },
    }),
  ),
  ...CAI_VERBS.map(([verb, standard]): OverrideWord => {
    return {
      simplified: verb,
      traditional: standard,
      variants: ALL,
      reason: `phrases ending in 采 (多采, 有采, 得采) win over ${verb} (issue 14: 持有采矿许可证 → 持有采礦, 更多采用)`,
      example: {
        text: `持有${verb}，更多${verb}`,
        expected: { t: `持有${standard}，更多${standard}`, tw: `持有${standard}，更多${standard}` },
      },
      cutsEarlierPhrase: true,
    };
  }),
];
