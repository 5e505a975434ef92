/**
 * Which installed faces can play each role, best first, by PostScript name (what fontconfig
 * reports and what picks a face out of a .ttc). First the faces Chinese Word users have (Windows'
 * SimSun, SimHei, KaiTi, FangSong; macOS's STSongti, STKaiti, STFangsong; 方正小标宋), then open
 * faces Linux distributions ship (Noto CJK, Source Han, LXGW WenKai, AR PL UKai, Fandol).
 * Traditional-Chinese editions try Traditional faces first.
 */
import { isTraditionalChinese } from '@wenshu/parser';
import type { FontRole } from '@wenshu/theme';

/** The five theme roles and `mono`, the face of code and TeX (no theme role: monospaced CJK fonts are rare). */
export type PdfFontRole = FontRole | 'mono';

export const PDF_FONT_ROLES: readonly PdfFontRole[] = ['song', 'hei', 'kai', 'fang', 'title', 'mono'];

export type Script = 'sc' | 'tc';

/** A face for a role, and the bold face of the same family when there is one. */
export interface Candidate {
  regular: string;
  bold?: string;
}

const SC: Record<PdfFontRole, Candidate[]> = {
  song: [
    { regular: 'SimSun' },
    { regular: 'STSongti-SC-Regular', bold: 'STSongti-SC-Bold' },
    { regular: 'NotoSerifCJKsc-Regular', bold: 'NotoSerifCJKsc-Bold' },
    { regular: 'SourceHanSerifSC-Regular', bold: 'SourceHanSerifSC-Bold' },
    { regular: 'NotoSerifSC-Regular', bold: 'NotoSerifSC-Bold' },
    { regular: 'FandolSong-Regular', bold: 'FandolSong-Bold' },
  ],
  hei: [
    { regular: 'SimHei' },
    { regular: 'NotoSansCJKsc-Regular', bold: 'NotoSansCJKsc-Bold' },
    { regular: 'SourceHanSansSC-Regular', bold: 'SourceHanSansSC-Bold' },
    { regular: 'NotoSansSC-Regular', bold: 'NotoSansSC-Bold' },
    { regular: 'PingFangSC-Regular', bold: 'PingFangSC-Semibold' },
    { regular: 'MicrosoftYaHei', bold: 'MicrosoftYaHei-Bold' },
    { regular: 'FandolHei-Regular', bold: 'FandolHei-Bold' },
    { regular: 'WenQuanYiZenHei' },
  ],
  kai: [
    { regular: 'KaiTi_GB2312' },
    { regular: 'KaiTi' },
    { regular: 'STKaitiSC-Regular', bold: 'STKaitiSC-Bold' },
    { regular: 'STKaiti' },
    { regular: 'LXGWWenKai-Regular', bold: 'LXGWWenKai-Bold' },
    { regular: 'UKaiCN' },
    { regular: 'FandolKai-Regular' },
  ],
  fang: [
    { regular: 'FangSong_GB2312' },
    { regular: 'FangSong' },
    { regular: 'STFangsong' },
    { regular: 'FandolFang-Regular' },
  ],
  title: [{ regular: 'FZXBSJW--GB1-0' }, { regular: 'FZXiaoBiaoSong-B05S' }, { regular: 'FZXiaoBiaoSong-B05' }],
  mono: [
    { regular: 'NotoSansMonoCJKsc-Regular', bold: 'NotoSansMonoCJKsc-Bold' },
    { regular: 'SourceHanMonoSC-Regular', bold: 'SourceHanMonoSC-Bold' },
    { regular: 'SarasaMonoSC-Regular', bold: 'SarasaMonoSC-Bold' },
    { regular: 'LXGWWenKaiMono-Regular', bold: 'LXGWWenKaiMono-Bold' },
  ],
};

const TC: Partial<Record<PdfFontRole, Candidate[]>> = {
  song: [
    { regular: 'PMingLiU' },
    { regular: 'MingLiU' },
    { regular: 'NotoSerifCJKtc-Regular', bold: 'NotoSerifCJKtc-Bold' },
    { regular: 'SourceHanSerifTC-Regular', bold: 'SourceHanSerifTC-Bold' },
    { regular: 'NotoSerifTC-Regular', bold: 'NotoSerifTC-Bold' },
  ],
  hei: [
    { regular: 'MicrosoftJhengHeiRegular', bold: 'MicrosoftJhengHeiBold' },
    { regular: 'NotoSansCJKtc-Regular', bold: 'NotoSansCJKtc-Bold' },
    { regular: 'SourceHanSansTC-Regular', bold: 'SourceHanSansTC-Bold' },
    { regular: 'NotoSansTC-Regular', bold: 'NotoSansTC-Bold' },
    { regular: 'PingFangTC-Regular', bold: 'PingFangTC-Semibold' },
  ],
  kai: [
    { regular: 'DFKaiShu-SB-Estd-BF' },
    { regular: 'STKaitiTC-Regular', bold: 'STKaitiTC-Bold' },
    { regular: 'LXGWWenKaiTC-Regular', bold: 'LXGWWenKaiTC-Bold' },
    { regular: 'UKaiTW' },
  ],
  mono: [{ regular: 'NotoSansMonoCJKtc-Regular', bold: 'NotoSansMonoCJKtc-Bold' }],
};

/** The candidates for a role in a script: the script's own first, then the Simplified ones (they cover Traditional too). */
export function candidates(role: PdfFontRole, script: Script): Candidate[] {
  return script === 'tc' ? [...(TC[role] ?? []), ...SC[role]] : SC[role];
}

/** The candidates of a script's own (for `tc`, the Traditional faces only; for `sc`, the Simplified ones). */
export function ownCandidates(role: PdfFontRole, script: Script): Candidate[] {
  return script === 'tc' ? (TC[role] ?? []) : SC[role];
}

/**
 * File names of the candidates, for searching font folders where fontconfig is not installed
 * (Windows and macOS names included).
 */
const CANDIDATE_FILES =
  /^(simsun|simhei|simkai|simfang|kaiti|fangsong|kaiti_gb2312|fangsong_gb2312|msyh|msyhbd|msjh|msjhbd|mingliu|kaiu|stsong|stkaiti|stfangso|stxihei|songti|kaiti sc|pingfang|fzxbsjw|方正小标宋.*|华文.*|notoserifcjk.*|notosanscjk.*|notoserif(sc|tc)-.*|notosans(sc|tc)-.*|sourcehan(serif|sans|mono).*|lxgwwenkai.*|ukai|fandol.*|wqy-zenhei|sarasa-mono-sc.*)\.(ttf|otf|ttc|otc)$/i;

export function isCandidateFile(name: string): boolean {
  return CANDIDATE_FILES.test(name);
}

/** The script of a BCP 47 tag: Traditional for zh-TW, zh-HK, zh-MO and zh-Hant. */
export function scriptOf(lang: string | undefined): Script {
  return isTraditionalChinese(lang) ? 'tc' : 'sc';
}
