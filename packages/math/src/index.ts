export { type LinearOptions, type LinearRun, texToLinear } from './lib/linear.js';
export { type TexOptions, texToMathml } from './lib/mathml.js';
export { mathmlToOmml, texToOmml } from './lib/omml.js';
export { repairTex } from './lib/repair.js';
export type { MathResult } from './lib/result.js';
export { inlineTag, splitTag } from './lib/tag.js';
