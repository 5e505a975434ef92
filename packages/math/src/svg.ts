export { type MathSvg, texToSvg } from './lib/svg.js';
export type { MathPath, Matrix } from './lib/svg-paths.js';
export { multiply, pathOperators } from './lib/svg-paths.js';
