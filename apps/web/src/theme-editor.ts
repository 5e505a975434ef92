/**
 * The theme editor: a preset's fonts, sizes, spacing and margins in a form, each field checked as it
 * is typed (in the page's language, next to the field), and the result a theme file as the command
 * reads it (`wenshu convert --theme FILE`): `extends` the preset, and only the fields that differ.
 * The page converts with that same file, so what is previewed is what the command makes of it.
 *
 * The presets' values and the theme package's own check of a file come from the worker (`theme`
 * requests): the page's first load carries neither the presets nor the schema.
 */
import type { Words } from './i18n.js';
import type { Reply, Request, ThemeFile } from './worker/protocol.js';

type Base = ThemeFile['extends'];
type ThemeReply = Extract<Reply, { type: 'theme' }>;

export interface EditorHost {
  words(): Words;
  /** Sends a request to the worker; the reply comes to `onReply`. */
  ask(request: Omit<Extract<Request, { type: 'theme' }>, 'id'>, onReply: (reply: Reply) => void): void;
  /** The preset chosen on the page. */
  base(): Base;
  /** The theme changed (a check of the open text may depend on it). */
  changed(): void;
  /** Converts the open text to a PDF with the theme, and shows it. */
  preview(): void;
  showMessage(text: string): void;
}

/** A field's value once read: a theme value, or the problem to show beside it. */
type Read = { value: number | string } | { error: string };

const get = (object: unknown, path: string): unknown =>
  path.split('.').reduce<unknown>((value, key) => (value as Record<string, unknown> | undefined)?.[key], object);

function set(object: Record<string, unknown>, path: string, value: unknown): void {
  const keys = path.split('.');
  let at = object;
  for (const key of keys.slice(0, -1)) {
    at[key] ??= {};
    at = at[key] as Record<string, unknown>;
  }
  at[keys.at(-1) as string] = value;
}

export interface ThemeEditor {
  /** The theme file, `undefined` when nothing differs from the preset, `'invalid'` while a field is wrong. */
  file(): ThemeFile | 'invalid' | undefined;
  /** The file as the download gives it. */
  text(): string;
  /** The preset's values again (after the preset is changed). */
  reset(): void;
  /** The words again, in the page's new language. */
  relabel(): void;
}

export function themeEditor(host: EditorHost): ThemeEditor {
  const inputs = [...document.querySelectorAll<HTMLInputElement>('#theme-editor input[data-path]')];
  const state = document.getElementById('theme-state') as HTMLElement;
  let loaded: { base: Base; preset: Record<string, unknown>; sizeNames: Record<string, number> } | undefined;
  /** The theme package's problems with the current file, by path (shown when the page's own checks pass). */
  let schemaIssues: ThemeReply['issues'] = [];
  let checkTimer: ReturnType<typeof setTimeout> | undefined;

  const spacingKind = (): 'multiple' | 'exactPt' =>
    loaded && 'exactPt' in (get(loaded.preset, 'body.lineSpacing') as object) ? 'exactPt' : 'multiple';

  function presetValue(path: string): unknown {
    const value = get(loaded?.preset, path);
    if (path === 'body.lineSpacing') return (value as Record<string, number>)[spacingKind()];
    return value;
  }

  function read(input: HTMLInputElement): Read {
    const words = host.words();
    const raw = input.value.trim();
    const kind = input.dataset.kind;
    if (kind === 'font') return raw ? { value: raw } : { error: words.errFont };
    if (kind === 'size') {
      if (loaded && raw in loaded.sizeNames) return { value: raw };
      const n = raw === '' ? Number.NaN : Number(raw);
      return Number.isFinite(n) && n > 0 && n <= 1638 ? { value: n } : { error: words.errSize };
    }
    const n = raw === '' ? Number.NaN : Number(raw);
    if (!Number.isFinite(n)) return { error: words.errNumber };
    const range = (min: number, max: number): Read =>
      n >= min && n <= max ? { value: n } : { error: words.errRange(min, max) };
    if (kind === 'count') return Number.isInteger(n) && n > 0 && n <= 100 ? { value: n } : { error: words.errInteger };
    if (kind === 'chars') return range(0, 20);
    if (kind === 'spacing') return spacingKind() === 'multiple' ? range(0.5, 10) : range(1, 200);
    // Margins: each within the page, and the two of a side together less than the page (checked below).
    const page = loaded?.preset.page as { widthMm: number; heightMm: number } | undefined;
    return range(0, Math.min(page?.widthMm ?? 210, page?.heightMm ?? 297));
  }

  /** Every field's value or problem, with the margins checked against the page as pairs. */
  function readAll(): Map<HTMLInputElement, Read> {
    const reads = new Map(inputs.filter((input) => !input.disabled).map((input) => [input, read(input)]));
    const page = loaded?.preset.page as { widthMm: number; heightMm: number } | undefined;
    const margin = (side: string) => {
      const input = inputs.find((i) => i.dataset.path === `page.margin.${side}Mm`) as HTMLInputElement;
      const r = reads.get(input);
      return { input, value: r && 'value' in r ? (r.value as number) : undefined };
    };
    for (const [a, b, size, message] of [
      ['left', 'right', page?.widthMm, host.words().errWidth],
      ['top', 'bottom', page?.heightMm, host.words().errHeight],
    ] as const) {
      const first = margin(a);
      const second = margin(b);
      if (size !== undefined && first.value !== undefined && second.value !== undefined) {
        if (first.value + second.value >= size) reads.set(second.input, { error: message(size) });
      }
    }
    return reads;
  }

  function show(reads: Map<HTMLInputElement, Read>): boolean {
    let ok = true;
    for (const input of inputs) {
      const r = reads.get(input);
      const path = input.dataset.path as string;
      const issue = schemaIssues.find((i) => i.path === path || i.path.startsWith(`${path}.`));
      const error = r && 'error' in r ? r.error : issue?.message;
      const slot = document.querySelector<HTMLElement>(`[data-error-for="${path}"]`);
      if (slot) slot.textContent = error ?? '';
      input.setAttribute('aria-invalid', String(error !== undefined));
      if (r && 'error' in r) ok = false;
    }
    return ok;
  }

  function build(reads: Map<HTMLInputElement, Read>): ThemeFile | undefined {
    if (!loaded) return undefined;
    const file: ThemeFile = { extends: loaded.base };
    let differs = false;
    for (const [input, r] of reads) {
      if (!('value' in r)) continue;
      const path = input.dataset.path as string;
      const before = presetValue(path);
      const value = r.value;
      const same =
        typeof value === 'string' && input.dataset.kind === 'size'
          ? loaded.sizeNames[value] === before
          : value === before;
      if (same) continue;
      differs = true;
      if (path === 'body.lineSpacing') {
        // The file merges objects key by key: the preset's kind of spacing is the one that can be changed.
        set(file, path, { [spacingKind()]: value });
        // An exact pitch is the grid's line pitch too (GB/T 9704's 22 lines): the two stay one.
        if (spacingKind() === 'exactPt' && get(loaded.preset, 'page.grid')) set(file, 'page.grid.linePitchPt', value);
      } else set(file, path, value);
    }
    return differs ? file : undefined;
  }

  function file(): ThemeFile | 'invalid' | undefined {
    const reads = readAll();
    const ok = show(reads);
    if (!ok) return 'invalid';
    if (schemaIssues.length) return 'invalid';
    return build(reads);
  }

  function update(): void {
    // The schema's word on the previous file no longer holds: it is asked again below.
    schemaIssues = [];
    const reads = readAll();
    const ok = show(reads);
    const built = ok ? build(reads) : undefined;
    state.textContent = !ok ? host.words().themeInvalid : built ? host.words().themeEdited : '';
    clearTimeout(checkTimer);
    if (!ok || !loaded) return;
    // The theme package's own check: anything its rules say that the page's did not.
    checkTimer = setTimeout(() => {
      const base = host.base();
      host.ask({ type: 'theme', base, ...(built ? { file: built } : {}) }, (reply) => {
        if (reply.type !== 'theme') return;
        schemaIssues = reply.issues;
        const valid = show(readAll()) && schemaIssues.length === 0;
        if (!valid) state.textContent = host.words().themeInvalid;
        host.changed();
      });
    }, 300);
  }

  function fill(): void {
    if (!loaded) return;
    schemaIssues = [];
    for (const input of inputs) {
      const path = input.dataset.path as string;
      const value = presetValue(path);
      input.disabled = value === undefined || value === null;
      input.closest('label')?.toggleAttribute('hidden', input.disabled);
      input.value = input.disabled ? '' : String(value);
    }
    relabel();
    host.changed();
  }

  function reset(): void {
    const base = host.base();
    host.ask({ type: 'theme', base }, (reply) => {
      if (reply.type !== 'theme') return;
      loaded = { base, preset: reply.preset, sizeNames: reply.sizeNames };
      fill();
    });
  }

  function relabel(): void {
    const label = document.getElementById('line-spacing-label');
    if (label) {
      label.dataset.t = spacingKind() === 'multiple' ? 'lineMultiple' : 'lineExact';
      label.textContent = host.words()[label.dataset.t as 'lineMultiple' | 'lineExact'];
    }
    if (!loaded) return;
    const reads = readAll();
    const ok = show(reads);
    state.textContent =
      !ok || schemaIssues.length ? host.words().themeInvalid : build(reads) ? host.words().themeEdited : '';
  }

  for (const input of inputs) input.addEventListener('input', update);
  const button = (id: string) => document.getElementById(id) as HTMLButtonElement;
  button('preview-theme').addEventListener('click', () => host.preview());
  button('reset-theme').addEventListener('click', () => reset());
  button('download-theme').addEventListener('click', () => {
    if (file() === 'invalid') return host.showMessage(host.words().themeInvalid);
    const link = document.createElement('a');
    link.href = URL.createObjectURL(new Blob([text()], { type: 'application/json' }));
    // The name the README's example gives it: `wenshu convert report.md --theme wenshu-theme.json`.
    link.download = 'wenshu-theme.json';
    link.click();
    setTimeout(() => URL.revokeObjectURL(link.href), 60_000);
  });
  // The presets are asked for when the editor is first opened: until then the page needs nothing.
  document.getElementById('theme-editor')?.addEventListener('toggle', () => {
    if (!loaded) reset();
  });
  function text(): string {
    const built = file();
    return `${JSON.stringify(typeof built === 'object' ? built : { extends: host.base() }, null, 2)}\n`;
  }

  return {
    file: () => (loaded ? file() : undefined),
    text,
    reset: () => {
      if (loaded) reset();
    },
    relabel,
  };
}
