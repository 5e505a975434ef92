/** Relation signs as MathML's `<mo>` holds them: they space a formula out and end an operand. */
export const RELATIONS: readonly string[] = ['=', '≠', '<', '>', '≤', '≥', '≈', '≡', '∼', '≃', '∝', '→', '⇒', '⇔'];
