/**
 * Every word the exporter writes itself, in both sheet languages. The data (section headings,
 * items, figures' units) stays as the document wrote it.
 */
import { isTraditionalChinese } from '@wenshu/parser';
import type { FigureKind } from './figures/types.js';
import type { SheetLang } from './options.js';

export interface Labels {
  sheets: { items: string; figures: string; about: string };
  /** Name of the n-th table's sheet when it has no caption. */
  table: (n: number) => string;
  /** Section of the text before the first heading, continued from `page`. */
  continuedFrom: (page: string) => string;
  items: { section: string; marker: string; number: string; title: string; body: string; characters: string };
  figures: {
    section: string;
    item: string;
    kind: string;
    value: string;
    unit: string;
    qualifier: string;
    scope: string;
    subject: string;
    written: string;
    sentence: string;
  };
  kinds: Record<FigureKind, string>;
  about: {
    title: string;
    sourceFile: string;
    continuedFrom: string;
    continuedTo: string;
    items: string;
    tables: string;
    figures: string;
    characters: string;
    version: string;
    generated: string;
    sheet: string;
    caption: string;
  };
}

const zh: Labels = {
  sheets: { items: '条目', figures: '指标', about: '信息' },
  table: (n) => `表${n}`,
  continuedFrom: (page) => `（上接${page}版）`,
  items: { section: '章节', marker: '编号', number: '序号', title: '标题', body: '正文', characters: '字数' },
  figures: {
    section: '章节',
    item: '条目',
    kind: '类别',
    value: '数值',
    unit: '单位',
    qualifier: '限定',
    scope: '范围',
    subject: '指标',
    written: '原文',
    sentence: '句子',
  },
  kinds: { value: '数值', growth: '增减', rank: '排名' },
  about: {
    title: '标题',
    sourceFile: '源文件',
    continuedFrom: '上接',
    continuedTo: '下转',
    items: '条目数',
    tables: '表格数',
    figures: '指标数',
    characters: '字数',
    version: 'wenshu 版本',
    generated: '生成时间',
    sheet: '工作表',
    caption: '表题',
  },
};

/** The same words in Traditional characters, for Taiwan and Hong Kong editions. */
const zhHant: Labels = {
  sheets: { items: '條目', figures: '指標', about: '資訊' },
  table: (n) => `表${n}`,
  continuedFrom: (page) => `（上接${page}版）`,
  items: { section: '章節', marker: '編號', number: '序號', title: '標題', body: '正文', characters: '字數' },
  figures: {
    section: '章節',
    item: '條目',
    kind: '類別',
    value: '數值',
    unit: '單位',
    qualifier: '限定',
    scope: '範圍',
    subject: '指標',
    written: '原文',
    sentence: '句子',
  },
  kinds: { value: '數值', growth: '增減', rank: '排名' },
  about: {
    title: '標題',
    sourceFile: '來源檔案',
    continuedFrom: '上接',
    continuedTo: '下轉',
    items: '條目數',
    tables: '表格數',
    figures: '指標數',
    characters: '字數',
    version: 'wenshu 版本',
    generated: '產生時間',
    sheet: '工作表',
    caption: '表題',
  },
};

const en: Labels = {
  sheets: { items: 'Items', figures: 'Figures', about: 'About' },
  table: (n) => `Table ${n}`,
  continuedFrom: (page) => `(continued from page ${page})`,
  items: {
    section: 'Section',
    marker: 'Marker',
    number: 'Number',
    title: 'Title',
    body: 'Body',
    characters: 'Characters',
  },
  figures: {
    section: 'Section',
    item: 'Item',
    kind: 'Kind',
    value: 'Value',
    unit: 'Unit',
    qualifier: 'Qualifier',
    scope: 'Scope',
    subject: 'Subject',
    written: 'As written',
    sentence: 'Sentence',
  },
  kinds: { value: 'value', growth: 'growth', rank: 'rank' },
  about: {
    title: 'Title',
    sourceFile: 'Source file',
    continuedFrom: 'Continued from page',
    continuedTo: 'Continued on page',
    items: 'Items',
    tables: 'Tables',
    figures: 'Figures',
    characters: 'Characters',
    version: 'wenshu version',
    generated: 'Generated',
    sheet: 'Sheet',
    caption: 'Caption',
  },
};

/**
 * The words for a sheet language; Chinese ones in Traditional characters when the document is a
 * Traditional edition (`meta.lang` zh-TW, zh-HK, zh-Hant…).
 */
export function labels(lang: SheetLang = 'zh', documentLang?: string): Labels {
  if (lang === 'en') return en;
  return isTraditionalChinese(documentLang) ? zhHant : zh;
}
