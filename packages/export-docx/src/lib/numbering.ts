/**
 * Word list numbering for Markdown lists: one numbering definition for bullets and one per start
 * number for ordered lists; each list is its own instance (`w:num`), so every list counts from its
 * own start, and nested lists use the next level.
 */
import { AlignmentType, type ILevelsOptions, type INumberingOptions, LevelFormat, LevelSuffix } from 'docx';

const LEVELS = 9;
const BULLETS = ['•', '◦', '▪'];

/** Where a list paragraph's number comes from. */
export interface ListRef {
  reference: string;
  instance: number;
}

export class ListNumbering {
  readonly #em: number;
  readonly #configs = new Map<string, INumberingOptions['config'][number]>();
  #instances = 0;

  /** @param emTwips the body's em, the unit of list indents. */
  constructor(emTwips: number) {
    this.#em = emTwips;
  }

  /** A new list: bullets, or numbers from `start`. */
  list(ordered: boolean, start: number | null): ListRef {
    const first = Math.max(0, Math.floor(start ?? 1));
    const reference = ordered ? `wenshu-ordered-${first}` : 'wenshu-bullet';
    if (!this.#configs.has(reference)) {
      this.#configs.set(reference, { reference, levels: this.#levels(ordered, first) });
    }
    this.#instances += 1;
    return { reference, instance: this.#instances };
  }

  /** Level `level` (0-based): number at 2 em × level, text 2 em further in. */
  indentOf(level: number): { left: number; hanging: number } {
    return { left: this.#em * 2 * (level + 1), hanging: this.#em * 2 };
  }

  #levels(ordered: boolean, start: number): ILevelsOptions[] {
    const levels: ILevelsOptions[] = [];
    for (let level = 0; level < LEVELS; level++) {
      levels.push({
        level,
        format: ordered ? LevelFormat.DECIMAL : LevelFormat.BULLET,
        text: ordered ? `%${level + 1}.` : (BULLETS[level % BULLETS.length] as string),
        alignment: AlignmentType.LEFT,
        start,
        suffix: LevelSuffix.TAB,
        style: { paragraph: { indent: this.indentOf(level) } },
      });
    }
    return levels;
  }

  /** The numbering part's definitions, in the order lists first used them. */
  options(): INumberingOptions {
    return { config: [...this.#configs.values()] };
  }
}
