/**
 * Fonts for Traditional-Chinese editions. A Taiwan or Hong Kong reader's Word has 新細明體, 標楷體 and
 * 微軟正黑體, not 宋体 or 仿宋_GB2312 (Word would substitute, often badly), so an edition names those.
 * Taiwan has no common 仿宋 face; its official documents are set in 標楷體, which stands in for 仿宋
 * and for the 小标宋 title face.
 */

import { presets } from './presets.js';
import type { FontFace, FontRole, Theme } from './types.js';

type EastAsianFaces = Record<FontRole, Pick<FontFace, 'eastAsia' | 'alternatives'>>;

const TAIWAN: EastAsianFaces = {
  song: { eastAsia: '新細明體', alternatives: ['PMingLiU'] },
  hei: { eastAsia: '微軟正黑體', alternatives: ['Microsoft JhengHei'] },
  kai: { eastAsia: '標楷體', alternatives: ['DFKai-SB'] },
  fang: { eastAsia: '標楷體', alternatives: ['DFKai-SB'] },
  title: { eastAsia: '標楷體', alternatives: ['DFKai-SB'] },
};

const HONG_KONG: EastAsianFaces = {
  ...TAIWAN,
  song: { eastAsia: '新細明體', alternatives: ['MingLiU_HKSCS', 'PMingLiU'] },
};

/** The faces for a language tag, or undefined for Simplified Chinese (and anything else). */
function facesFor(lang: string): EastAsianFaces | undefined {
  const tag = lang.toLowerCase();
  if (tag === 'zh-hk' || tag === 'zh-mo' || tag === 'zh-hant-hk') return HONG_KONG;
  if (tag === 'zh-tw' || tag === 'zh-hant' || tag.startsWith('zh-hant')) return TAIWAN;
  return undefined;
}

/**
 * The theme for a document in `lang`: for zh-TW, zh-HK and zh-Hant, each role that still names
 * the presets' mainland face gets the Traditional face (a face the user chose is kept), and the
 * theme's `lang` becomes the edition's. Other languages get the theme unchanged.
 */
export function themeForLanguage(theme: Theme, lang: string | undefined): Theme {
  const faces = lang ? facesFor(lang) : undefined;
  if (!faces || !lang) return theme;
  const fonts = structuredClone(theme.fonts);
  for (const role of Object.keys(fonts) as FontRole[]) {
    const mainland = presets.report.fonts[role].eastAsia;
    if (fonts[role].eastAsia === mainland) fonts[role] = { ...fonts[role], ...faces[role] };
  }
  return { ...theme, lang, fonts };
}
