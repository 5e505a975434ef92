export { type MathSvg, texToSvg } from './lib/svg.js';
