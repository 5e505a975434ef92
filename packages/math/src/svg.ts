export { type MathSvg, texToSvg } from './lib/svg.js';
export type { MathGlyph, MathPath, Matrix } from './lib/svg-paths.js';
export { mathGlyphs, multiply, pathOperators } from './lib/svg-paths.js';
