/**
 * Taiwan vocabulary by subject.
 *
 * OpenCC's Taiwan phrase table (TWPhrases, the second stage of `s2twp`) maps mainland words to
 * the words a Taiwan reader uses. Most of its 817 entries are right in any text: place and
 * personal names (意大利 → 義大利), medicine (艾滋病 → 愛滋病), everyday words (出租车 → 計程車,
 * 自行车 → 腳踏車) and computing words that only occur in computing (软件 → 軟體, 鼠标 → 滑鼠,
 * 服务器 → 伺服器). But about sixty are common words that take their Taiwan computing sense
 * whatever the subject: 对象 (a target; a partner) becomes 物件 (an object in code), 文件 (a
 * document) 檔案 (a file), 程序 (a procedure) 程式 (a program), 项目 (an item; a project) 專案,
 * 优化 最佳化, 循环经济 迴圈經濟, 统一社会信用代码 統一社會信用程式碼. A Taiwan government or legal
 * text keeps 對象, 文件, 程序, 項目, 優化, 循環, 代碼.
 *
 * So `twp` has two vocabularies: `it` is OpenCC's table as it is; `general` keeps each word
 * below as OpenCC standard Traditional writes it (對象, 文件, 程序). Each entry says why it is
 * right only in computing, with the general-text use that the computing sense gets wrong. Entries
 * of TWPhrases not listed here are kept in both vocabularies (the tests check that every entry
 * below is in OpenCC's table, so an upstream change shows up).
 *
 * Which one a document gets is decided from evidence in it ({@link chooseVocabulary}): words
 * that only occur when writing about computing, and code.
 */

/** `general`: Taiwan words right in any subject; `it`: OpenCC's Taiwan table with its computing senses. */
export type Vocabulary = 'general' | 'it';

/** A word OpenCC's Taiwan table gives its computing sense, which is wrong outside computing. */
export interface ComputingWord {
  /** The Simplified word. */
  simplified: string;
  /** Its OpenCC standard Traditional form: the key in TWPhrases, and what `general` keeps. */
  standard: string;
  /** What TWPhrases makes of it (the Taiwan computing word). */
  it: string;
  /** Why the computing word is wrong in general text: a use in a government, legal or news text. */
  reason: string;
}

const word = (simplified: string, standard: string, it: string, reason: string): ComputingWord => ({
  simplified,
  standard,
  it,
  reason,
});

export const COMPUTING_WORDS: readonly ComputingWord[] = [
  // The words of issue 14, in every government report and law.
  word('对象', '對象', '物件', '优抚对象, 服务对象 (people a policy serves); 物件 is an object in code'),
  word('文件', '文件', '檔案', '证明文件, 精简文件和会议 (documents); 檔案 is a computer file or an archive'),
  word('程序', '程序', '程式', '法定程序, 审批程序 (procedures); 程式 is a computer program'),
  word('项目', '項目', '專案', '推进项目建设, 检查项目 (items, construction projects); 專案 is an IT project'),
  word('优化', '優化', '最佳化', '优化营商环境 (improve); 最佳化 is optimisation in mathematics and code'),
  word('代码', '代碼', '程式碼', '统一社会信用代码, 行政区划代码 (codes); 程式碼 is source code'),
  word('进程', '進程', '程序', '现代化进程 (the course of); in computing a process, 程序'),
  word('运行', '運行', '執行', '经济运行 (the economy running); 執行 is running a program'),
  word('循环', '循環', '迴圈', '循环经济, 内外循环 (cycles); 迴圈 is a loop in code'),
  word('类型', '類型', '型別', '各类型企业 (kinds); 型別 is a data type'),
  word('权限', '權限', '許可權', '审批权限, 法定权限 (authority); 許可權 is an access permission'),
  word('社区', '社區', '社群', '城乡社区 (neighbourhoods): Taiwan says 社區; 社群 is an online community'),
  word('支持', '支持', '支援', '支持民营经济 (back); 支援 is technical support or aid'),
  word('设置', '設置', '設定', '设置机构, 设置岗位 (set up); 設定 is a software setting'),
  word('保存', '保存', '儲存', '保存文物, 妥善保存 (preserve); 儲存 is saving a file'),
  word('打开', '打開', '開啟', '打开局面, 打开市场 (open up); 開啟 is opening a file'),
  word('查看', '查看', '檢視', '查看现场 (inspect); 檢視 is viewing in software'),
  word('查找', '查找', '查詢', '查找问题 (look for); 查詢 is a query'),
  word('搜索', '搜索', '搜尋', '搜索救援, 搜索票 in Taiwan law (search a place); 搜尋 is a web search'),
  word('添加', '添加', '新增', '食品添加剂 → 新增劑 (additives); 新增 is adding an entry'),
  word('激活', '激活', '啟用', '激活市场活力 (stimulate); 啟用 is activating software'),
  word('导入', '導入', '匯入', '导入新机制 (introduce); 匯入 is importing data'),
  word('导出', '導出', '匯出', '导出结论 (derive); 匯出 is exporting data'),
  word('扩展', '擴展', '擴充套件', '扩展空间 (expand); 擴充套件 is a software extension'),
  word('兼容', '兼容', '相容', '兼容并蓄 (embrace); 相容 is software compatibility'),
  word('屏蔽', '屏蔽', '遮蔽', '屏蔽不良信息 (block), 电磁屏蔽 (shielding)'),
  word('局部', '局部', '區域性', '局部地区 (part of) → 區域性地區; 區域性 is local scope in code'),
  word('全局', '全局', '全域性', '统筹全局 (the whole situation); 全域性 is global scope in code'),
  word('实例', '實例', '例項', '典型实例 (examples); 例項 is an instance of a class'),
  word('映射', '映射', '對映', '映射出 (reflect); 對映 is a mapping in code'),
  word('调度', '調度', '排程', '统一调度, 防汛调度 (dispatch); 排程 is job scheduling'),
  word('调用', '調用', '呼叫', '调用资金, 调用物资 (allocate); 呼叫 is a function call'),
  word('审核', '審覈', '稽核', '审核通过 (review, Taiwan 審核); 稽核 is an audit'),
  word('声明', '聲明', '宣告', '发表声明 (a statement); 宣告 is a declaration in code'),
  word('联系', '聯繫', '聯絡', '理论联系实际, 密切联系群众 (link with); 聯絡 is getting in touch'),
  word('连接', '連接', '連線', '连接黄海、渤海的高速, 连接起来 (connect); 連線 is a network connection'),
  word('消息', '消息', '訊息', '好消息 (news); 訊息 is a message in software'),
  word('窗口', '窗口', '視窗', '服务窗口, 对外开放窗口 (counter, window on); 視窗 is a GUI window'),
  word('用户', '用戶', '使用者', '电力用户, 用户电价 (customers); 使用者 is a software user'),
  word('设备', '設備', '裝置', '医疗设备, 更新设备 (equipment); 裝置 is a device'),
  word('性能', '性能', '效能', '材料性能, 安全性能 (properties); 效能 is performance of a computer'),
  word('高级', '高級', '高階', '高级中学, 高级人民法院 (senior); 高階 is high-level'),
  word('低级', '低級', '低階', '低级错误 (elementary); 低階 is low-level'),
  word('刷新', '刷新', '重新整理', '刷新纪录 (break a record); 重新整理 is reloading a page'),
  word('函数', '函數', '函式', '函数 in mathematics is 函數 in Taiwan; 函式 is a function in code'),
  word('参数', '參數', '引數', '技术参数 (parameters, Taiwan 參數); 引數 is an argument in code'),
  word('数组', '數組', '陣列', 'in general text 数组 is mostly 多数组成 cut wrongly; 陣列 is an array in code'),
  word('禁用', '禁用', '停用', '禁用农药 (ban); 停用 is disabling a feature'),
  word('分区', '分區', '分割槽', '功能分区, 分区管控 (zoning); 分割槽 is a disk partition'),
  word('注销', '註銷', '登出', '注销营业执照 (cancel a licence); 登出 is logging out'),
  word('重载', '重載', '過載', '重载铁路 (heavy haul); 過載 is overloading in code'),
  word('重装', '重裝', '重灌', '重装备 → 重灌備 (heavy equipment); 重灌 is reinstalling'),
  word('卸载', '卸載', '解除安裝', '卸载货物 (unload cargo); 解除安裝 is uninstalling'),
  word('脚本', '腳本', '指令碼', '剧本脚本 (a script of a play); 指令碼 is a script in code'),
  word('万象', '萬象', '永珍', '包罗万象, 万象更新 (everything); 永珍 is Vientiane'),
  word('指针', '指針', '指標', '钟表指针 (a hand, a needle); 指標 also means indicator'),
  word('溢出', '溢出', '溢位', '溢出效应 (spillover); 溢位 is an overflow in code'),
  word('队列', '隊列', '佇列', '队列训练 (formation); 佇列 is a queue in code'),
  word('回调', '回調', '回撥', '价格回调 (a pullback); 回撥 is a callback'),
  word('呼出', '呼出', '撥出', '呼出气体 (breathe out); 撥出 is dialling out'),
  word('抛出', '拋出', '丟擲', '抛出观点 (put forward); 丟擲 is throwing an exception'),
  word('截取', '截取', '擷取', '截取片段 (cut out, Taiwan 截取 too); 擷取 is a screen capture'),
  word('剪切', '剪切', '剪下', '剪切力 (shear); 剪下 is cut in an editor'),
  word('触摸', '觸摸', '觸控', '触摸历史 (touch); 觸控 is a touch screen'),
  word('壁纸', '壁紙', '桌布', 'wallpaper on a wall; 桌布 (also a tablecloth) is a desktop background'),
  word('持久性', '持久性', '永續性', '持久性有机污染物 (persistent); 永續性 is persistence in code'),
  word('绑定', '綁定', '繫結', '绑定银行卡 (Taiwan 綁定 too); 繫結 is binding in code'),
  word('批量', '批量', '批次', '批量生产 (in quantity); 批次 is a batch job'),
  word('菜单', '菜單', '選單', 'a restaurant 菜單; 選單 is a software menu'),
  word('创建', '創建', '建立', '创建文明城市 (a campaign to found); 建立 is creating a file'),
  // Found counting the W3C clreq page-design text against its published zh-hant edition.
  word(
    '字体',
    '字體',
    '字型',
    '楷体、黑体等字体, 字体工整 (a style of writing, a typeface): 字體; 字型 is a font file',
  ),
  word(
    '页眉',
    '頁眉',
    '頁首',
    '页眉与页码 (the running head of a printed page): 頁眉; 頁首 is a word processor’s header',
  ),
];

/**
 * Words of OpenCC's Taiwan table once listed above and taken out, because their Taiwan form is
 * right in any subject: `twp` converts them in every vocabulary. Found reading the Taiwan edition
 * of the held-out texts (`pnpm --filter @wenshu/zh wrong-words`); the tests convert each example.
 */
export const EVERY_SUBJECT_WORDS: readonly { simplified: string; taiwan: string; example: string; reason: string }[] = [
  {
    simplified: '数据',
    taiwan: '資料',
    example: '健全数据基础制度，建设天府数据中心',
    reason:
      'data as a resource (数据中心, 数据流通, 数据出境, 数据标注) is 資料 in Taiwan (資料中心), as issue 14 lists it; ' +
      '數據 there is figures only, and 統計資料 is Taiwan usage too',
  },
  {
    simplified: '集群',
    taiwan: '叢集',
    example: '培育先进制造业集群',
    reason: '产业集群 is 產業叢集 in Taiwan (or 聚落); 集群 is a mainland word, not the Taiwan one',
  },
];

/**
 * Words that occur in Simplified text about computing and hardly elsewhere: the evidence that a
 * document is about computing. None of them is a word of {@link COMPUTING_WORDS}: those occur in
 * any subject, so their count says nothing. (Measured on the corpus: the 2024 government report,
 * the constitution and the judicial interpretations have none or a few mentions of 软件 and 算法;
 * a text about code has them in every paragraph.)
 */
export const COMPUTING_EVIDENCE: readonly string[] = [
  '软件',
  '硬件',
  '程序员',
  '编程',
  '源代码',
  '源码',
  '数据库',
  '服务器',
  '操作系统',
  '浏览器',
  '网页',
  '编译',
  '内存',
  '缓存',
  '字符串',
  '线程',
  '调试',
  '开源',
  '前端',
  '后端',
  '命令行',
  '文件夹',
  '文件名',
  '面向对象',
  '算法',
  '鼠标',
  '键盘',
  '硬盘',
  '操作符',
  '编程语言',
  '用户名',
  '插件',
  '控件',
  '回调函数',
  '脚本语言',
  '代码库',
  '数据结构',
];

/** A document is about computing at this many computing words per 10,000 characters of text… */
export const COMPUTING_DENSITY = 20;
/** …and at least this many of them (a short note with one 软件 is not a computing text). */
export const COMPUTING_MINIMUM = 5;
/** Or with this many code blocks and inline code spans, whatever the words. */
export const CODE_MINIMUM = 3;

let evidenceIndex: Map<number, string[]> | undefined;
/** 1 at the code units an evidence term starts with: most characters are passed over at once. */
let evidenceFirsts: Uint8Array | undefined;

/** The evidence terms by the code unit they start with, longest first (数据结构 before a shorter one). */
function evidenceByFirstCharacter(): Map<number, string[]> {
  if (evidenceIndex) return evidenceIndex;
  const index = new Map<number, string[]>();
  for (const term of COMPUTING_EVIDENCE) {
    const list = index.get(term.charCodeAt(0)) ?? [];
    list.push(term);
    index.set(term.charCodeAt(0), list);
  }
  for (const list of index.values()) list.sort((a, b) => b.length - a.length);
  evidenceFirsts = new Uint8Array(0x10000);
  for (const code of index.keys()) evidenceFirsts[code] = 1;
  evidenceIndex = index;
  return index;
}

/** What {@link chooseVocabulary} saw and decided. */
export interface VocabularyDecision {
  vocabulary: Vocabulary;
  /** `auto` when decided from the text, `forced` when the caller chose. */
  how: 'auto' | 'forced';
  /** Computing words found, with counts, most frequent first. */
  evidence: { word: string; count: number }[];
  /** Their total per 10,000 characters of text (characters that are not white space). */
  density: number;
  /** Code blocks and inline code spans. */
  code: number;
  /** One sentence for a warning or `wenshu check`. */
  summary: string;
}

/** What the caller asks for: a vocabulary, or `auto` (decide from the text). */
export type VocabularyChoice = Vocabulary | 'auto';

/**
 * The vocabulary of a text: `it` when computing words reach {@link COMPUTING_DENSITY} per 10,000
 * characters (and at least {@link COMPUTING_MINIMUM} of them), or when it holds
 * {@link CODE_MINIMUM} pieces of code; `general` otherwise. `choice` other than `auto` is kept
 * (and the evidence still reported).
 */
export function chooseVocabulary(text: string, code = 0, choice: VocabularyChoice = 'auto'): VocabularyDecision {
  const counts = new Map<string, number>();
  let total = 0;
  // One pass over the text: only where a term's first character stands are the terms tried.
  const byFirst = evidenceByFirstCharacter();
  const firsts = evidenceFirsts as Uint8Array;
  let characters = 0; // not white space: what the density is taken over
  for (let i = 0; i < text.length; i++) {
    const code = text.charCodeAt(i);
    if (firsts[code] === 0) {
      if (!isSpace(code)) characters++;
      continue;
    }
    characters++;
    for (const term of byFirst.get(code) ?? []) {
      if (!text.startsWith(term, i)) continue;
      counts.set(term, (counts.get(term) ?? 0) + 1);
      total++;
      characters += term.length - 1;
      i += term.length - 1;
      break;
    }
  }
  const density = characters === 0 ? 0 : Math.round((total / characters) * 10_000 * 10) / 10;
  const byWords = total >= COMPUTING_MINIMUM && density >= COMPUTING_DENSITY;
  const detected: Vocabulary = byWords || code >= CODE_MINIMUM ? 'it' : 'general';
  const vocabulary = choice === 'auto' ? detected : choice;
  const evidence = [...counts]
    .map(([found, count]) => ({ word: found, count }))
    .sort((a, b) => b.count - a.count || a.word.localeCompare(b.word));
  const seen =
    `${total} computing word${total === 1 ? '' : 's'} (${density} per 10,000 characters` +
    `${
      evidence.length > 0
        ? `: ${evidence
            .slice(0, 5)
            .map((e) => `${e.word} ${e.count}`)
            .join(', ')}`
        : ''
    })` +
    `, ${code} piece${code === 1 ? '' : 's'} of code`;
  const meaning =
    vocabulary === 'it'
      ? 'computing vocabulary (对象 → 物件, 文件 → 檔案, 程序 → 程式)'
      : 'general vocabulary (对象, 文件, 程序, 项目, 优化 keep their general Taiwan forms)';
  const why =
    choice === 'auto'
      ? `${seen}; computing needs ${COMPUTING_DENSITY} per 10,000 (at least ${COMPUTING_MINIMUM}) or ${CODE_MINIMUM} pieces of code`
      : `forced; ${seen}`;
  return {
    vocabulary,
    how: choice === 'auto' ? 'auto' : 'forced',
    evidence,
    density,
    code,
    summary: `${meaning}: ${why}`,
  };
}

/** White space as `\s` counts it, for the characters a density is taken over. */
function isSpace(code: number): boolean {
  return (
    code === 0x20 ||
    (code >= 0x09 && code <= 0x0d) ||
    code === 0xa0 ||
    code === 0x1680 ||
    (code >= 0x2000 && code <= 0x200a) ||
    code === 0x2028 ||
    code === 0x2029 ||
    code === 0x202f ||
    code === 0x205f ||
    code === 0x3000 ||
    code === 0xfeff
  );
}
