import { describe, expect, it } from 'vitest';
import {
  CHINESE_SIZES,
  chineseSizeName,
  emuToPt,
  mmToEmu,
  mmToPt,
  mmToTwip,
  ptToEmu,
  ptToMm,
  ptToTwip,
  pxToPt,
  sizeToPt,
  twipToEmu,
  twipToMm,
  twipToPt,
} from '../src/index.js';

describe('length units', () => {
  it('converts millimetres to twips as GB/T 9704 page setups give them', () => {
    expect(mmToTwip(210)).toBe(11906);
    expect(mmToTwip(297)).toBe(16838);
    expect(mmToTwip(37)).toBe(2098);
    expect(mmToTwip(35)).toBe(1984);
    expect(mmToTwip(28)).toBe(1587);
    expect(mmToTwip(26)).toBe(1474);
    expect(mmToTwip(25.4)).toBe(1440);
  });

  it('converts between points, millimetres and twips', () => {
    expect(mmToPt(25.4)).toBeCloseTo(72, 10);
    expect(ptToMm(72)).toBeCloseTo(25.4, 10);
    expect(ptToTwip(28.95)).toBe(579);
    expect(twipToPt(579)).toBeCloseTo(28.95, 10);
    expect(twipToMm(1440)).toBeCloseTo(25.4, 10);
    expect(mmToPt(156)).toBeCloseTo(442.2, 1);
  });

  it('converts to EMU', () => {
    expect(mmToEmu(1)).toBe(36000);
    expect(mmToEmu(25.4)).toBe(914400);
    expect(ptToEmu(1)).toBe(12700);
    expect(twipToEmu(1)).toBe(635);
    expect(emuToPt(12700)).toBe(1);
    expect(pxToPt(96)).toBe(72);
  });
});

describe('Chinese size names', () => {
  it('lists every size of the design notes', () => {
    expect(CHINESE_SIZES).toMatchObject({
      初号: 42,
      小初: 36,
      一号: 26,
      小一: 24,
      二号: 22,
      小二: 18,
      三号: 16,
      小三: 15,
      四号: 14,
      小四: 12,
      五号: 10.5,
      小五: 9,
      六号: 7.5,
    });
  });

  it('turns names into points and back', () => {
    expect(sizeToPt('三号')).toBe(16);
    expect(sizeToPt('小四')).toBe(12);
    expect(sizeToPt(11)).toBe(11);
    expect(chineseSizeName(22)).toBe('二号');
    expect(chineseSizeName(10.5)).toBe('五号');
    expect(chineseSizeName(11)).toBeUndefined();
  });
});
