/**
 * The units a figure can have. A unit is an optional magnitude (`万`, `亿`…) and a base unit
 * (`亩`, `元`, `人`…): `万亩`, `亿元`, `万千瓦`. Only words on these lists make a number a
 * quantity; a number before any other word (`5G`, `1517工程`, `95128热线`) is a name or a code.
 */

/** Magnitudes written into the unit: `8万人` is 8 of the unit `万人`. */
export const MAGNITUDES = ['万亿', '千万', '百万', '十万', '万', '亿', '千', '百'] as const;

/**
 * Base units, longest first within a family so the longest matches (`平方公里` before `公里`,
 * `个百分点` before `个`). Deliberately absent: `位` (`五位一体`, `两位数`), `期` (`二期工程`), `届`,
 * `级` (`二级标准`), `大` (`三大攻坚战`), `月` and `日` (dates; a duration is `个月`).
 */
export const BASE_UNITS = [
  // Shares and changes
  '个百分点',
  '百分点',
  '%',
  '％',
  '‰',
  '倍',
  // Money
  '美元',
  '欧元',
  '元',
  // Area, length, volume, mass, energy
  '平方公里',
  '平方千米',
  '平方米',
  '立方米',
  '公顷',
  '亩',
  '公里',
  '千米',
  '延米',
  '米',
  'km²',
  'km',
  'm²',
  'm³',
  '㎡',
  '微克/立方米',
  '标准煤',
  '吨',
  '公斤',
  '千克',
  '斤',
  '方',
  '千瓦时',
  '千瓦',
  '兆瓦',
  '瓦',
  'kWh',
  'kW',
  'MW',
  'TEU',
  '标箱',
  // People and households
  '人次',
  '人',
  '名',
  '户',
  // Time spans
  '个月',
  '小时',
  '分钟',
  '天',
  '年',
  '周',
  // Counts (measure words)
  '个',
  '家',
  '处',
  '条',
  '项',
  '座',
  '所',
  '套',
  '件',
  '辆',
  '次',
  '场',
  '台',
  '艘',
  '架',
  '只',
  '头',
  '株',
  '棵',
  '张',
  '份',
  '批',
  '篇',
  '部',
  '本',
  '册',
  '间',
  '栋',
  '幢',
  '床',
  '面',
  '封',
  '类',
  '种',
  '轮',
  '支',
  '宗',
  '起',
  '例',
  '亩次',
] as const;

/** A literal for a regular expression. */
export const escapeRegExp = (text: string) => text.replace(/[.*+?^${}()|[\]\\/]/g, '\\$&');
const byLength = (list: readonly string[]) =>
  [...list]
    .sort((a, b) => b.length - a.length)
    .map(escapeRegExp)
    .join('|');

/**
 * A unit right after a number, with the `余`/`多` that may stand before or after its magnitude
 * (`50余万人`, `4万余处`, `30多家`). Groups: `q1`, `mag`, `q2`, `base`.
 */
export const UNIT = new RegExp(
  `^(?<q1>余|多)?(?<mag>${byLength(MAGNITUDES)})?(?<q2>余|多)?(?<base>${byLength(BASE_UNITS)})?`,
);

/** The characters a unit can start with: a number followed by anything else is not a quantity. */
export const UNIT_START = new Set(['余', '多', ...[...MAGNITUDES, ...BASE_UNITS].map((unit) => unit.charAt(0))]);

/** Base units that are only units after a magnitude: `10.3亿方` is water, `三方` is three parties. */
export const NEEDS_MAGNITUDE = new Set(['方']);
