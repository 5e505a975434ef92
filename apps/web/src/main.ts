/**
 * The page: files in (open, drop, paste, edit), settings, and the results of the conversion worker
 * (`worker/worker.ts`) out as downloads. The page itself converts nothing: it stays small and never
 * busy, and the worker (with the exporters, OpenCC's data and the PDF engine) loads on first use.
 */

import { fontPanel } from './font-panel.js';
import { inputMessage, isLang, type Lang, WORDS } from './i18n.js';
import { storedFonts } from './storage.js';
import { themeEditor } from './theme-editor.js';
import {
  type Edition,
  type Format,
  type InputFile,
  LIST_LIMIT,
  PASS_NAMES,
  type Reply,
  type Request,
  type Settings,
} from './worker/protocol.js';

const $ = <T extends HTMLElement = HTMLElement>(id: string) => document.getElementById(id) as T;
const editor = $<HTMLTextAreaElement>('editor');
const status = $('status');
const message = $('message');
const progress = $<HTMLProgressElement>('progress');
const outputsList = $('outputs');
const zipLink = $<HTMLAnchorElement>('zip');
const preview = $<HTMLIFrameElement>('preview');

let lang: Lang = 'zh-Hans';
const words = () => WORDS[lang];

// ---------------------------------------------------------------------------------------------
// Language

function applyLanguage(next: Lang): void {
  lang = next;
  document.documentElement.lang = next;
  document.title = `${words().title} wenshu`;
  for (const element of document.querySelectorAll<HTMLElement>('[data-t]')) {
    const value = words()[element.dataset.t as keyof ReturnType<typeof words>];
    if (typeof value === 'string') element.textContent = value;
  }
  $<HTMLSelectElement>('lang').value = next;
  themes.relabel();
  renderFiles();
  renderChecks();
  void fonts.render();
}

// ---------------------------------------------------------------------------------------------
// The worker, made on first use

let worker: Worker | undefined;
let nextId = 1;
const handlers = new Map<number, (reply: Reply) => void>();

/** A request before the page numbers it. */
type Unsent = { [K in Request['type']]: Omit<Extract<Request, { type: K }>, 'id'> }[Request['type']];

function ask(request: Unsent, onReply: (reply: Reply) => void): number {
  if (!worker) {
    worker = new Worker(new URL('./worker/worker.ts', import.meta.url), { type: 'module' });
    worker.onmessage = (event: MessageEvent<Reply>) => handlers.get(event.data.id)?.(event.data);
    worker.onerror = (event) => showMessage(String(event.message ?? event));
  }
  const id = nextId++;
  handlers.set(id, onReply);
  worker.postMessage({ ...request, id } as Request);
  return id;
}

// ---------------------------------------------------------------------------------------------
// Files

interface Entry extends InputFile {
  /** The text as the worker decoded it (shown in the editor), once known. */
  text?: string;
  error?: string;
  outline?: Extract<Reply, { type: 'checked' }>['outline'];
  findings?: Extract<Reply, { type: 'checked' }>['findings'];
  /** Outline entries and findings beyond those sent (see `LIST_LIMIT`). */
  omitted?: { outline: number; findings: number };
  /** The request id of the latest check. */
  checkId?: number;
}

const files: Entry[] = [];
let current = -1;
const encoder = new TextEncoder();

function addFile(name: string, bytes: Uint8Array, text?: string): void {
  const existing = files.findIndex((file) => file.name === name);
  // A new text starts empty: there is nothing to check until something is typed.
  const entry: Entry = text === undefined ? { name, bytes } : { name, bytes, text, outline: [], findings: [] };
  if (existing >= 0) files[existing] = entry;
  else files.push(entry);
  select(existing >= 0 ? existing : files.length - 1);
}

function select(index: number): void {
  current = index;
  const entry = files[index];
  editor.value = entry?.text ?? '';
  editor.disabled = entry === undefined || entry.error !== undefined;
  renderFiles();
  renderChecks();
  if (entry && entry.text === undefined && entry.error === undefined) check(entry);
}

function renderFiles(): void {
  const list = $('files');
  list.replaceChildren(
    ...files.map((file, index) => {
      const item = document.createElement('li');
      const button = document.createElement('button');
      button.type = 'button';
      button.textContent = file.name;
      button.className = index === current ? 'current' : '';
      if (file.error) button.classList.add('bad');
      button.addEventListener('click', () => select(index));
      item.append(button);
      return item;
    }),
  );
}

async function readFiles(list: FileList | File[]): Promise<void> {
  for (const file of Array.from(list)) addFile(file.name, new Uint8Array(await file.arrayBuffer()));
}

// ---------------------------------------------------------------------------------------------
// Outline and check, as the text is edited

let checkTimer: ReturnType<typeof setTimeout> | undefined;

function check(entry: Entry): void {
  status.textContent = words().checking;
  const id = ask({ type: 'check', file: { name: entry.name, bytes: entry.bytes }, settings: settings() }, (reply) => {
    // Checks run concurrently in the worker and may finish out of order: only the latest one counts.
    if (entry.checkId !== id) return;
    if (reply.type === 'checked') {
      entry.text ??= reply.text;
      entry.outline = reply.outline;
      entry.findings = reply.findings;
      entry.omitted = reply.omitted;
      entry.error = undefined;
      if (files[current] === entry) {
        if (editor.value === '' && !editor.matches(':focus')) editor.value = reply.text;
        editor.disabled = false;
      }
      status.textContent = '';
    } else if (reply.type === 'failed') {
      entry.error = reply.input ? inputMessage(words(), reply.file, reply.message) : reply.message;
      entry.outline = [];
      entry.findings = [];
      showMessage(entry.error);
      status.textContent = '';
      if (files[current] === entry) editor.disabled = true;
    }
    renderFiles();
    renderChecks();
  });
  entry.checkId = id;
}

/** Entries written a frame (a timer alone runs several chunks a frame, laid out as one long task). */
const CHUNK = 50;
const next = (run: () => void) => requestAnimationFrame(() => setTimeout(run, 0));

const escapeHtml = (text: string) =>
  text.replace(/[&<>"]/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;' })[c] as string);

const renderings = new WeakMap<HTMLElement, number>();

/**
 * One list of entries linked to their lines: written as HTML a chunk at a time, one listener on the
 * list (below). A newer rendering of the same list stops an older one.
 */
function renderList(
  list: HTMLElement,
  entries: { line: number; text: string; className: string }[],
  none: string,
  omitted = 0,
): void {
  const generation = (renderings.get(list) ?? 0) + 1;
  renderings.set(list, generation);
  if (entries.length === 0) {
    list.innerHTML = none ? `<li>${escapeHtml(none)}</li>` : '';
    return;
  }
  const items = entries
    .slice(0, LIST_LIMIT)
    .map(
      (e) =>
        `<li class="${e.className}"><a href="#L${e.line}" data-line="${e.line}" title="${escapeHtml(words().line(e.line))}">${escapeHtml(e.text)}</a></li>`,
    );
  const beyond = omitted + Math.max(0, entries.length - LIST_LIMIT);
  if (beyond > 0) items.push(`<li>… ${beyond} +</li>`);
  list.innerHTML = items.slice(0, CHUNK).join('');
  const more = (from: number) => {
    if (from >= items.length || renderings.get(list) !== generation) return;
    list.insertAdjacentHTML('beforeend', items.slice(from, from + CHUNK).join(''));
    next(() => more(from + CHUNK));
  };
  next(() => more(CHUNK));
}

function renderOutline(): void {
  const entry = files[current];
  renderList(
    $('outline'),
    (entry?.outline ?? []).map((e) => ({ line: e.line, text: e.text, className: `${e.kind} level-${e.level}` })),
    entry?.outline ? words().noOutline : '',
    entry?.omitted?.outline,
  );
}

function renderFindings(): void {
  const entry = files[current];
  renderList(
    $('findings'),
    (entry?.findings ?? []).map((f) => ({
      line: f.line,
      text: `${words().line(f.line)} · ${f.kind}: ${f.message}`,
      className: 'finding',
    })),
    entry?.findings ? words().nothingFound : '',
    entry?.omitted?.findings,
  );
}

function renderChecks(): void {
  renderOutline();
  renderFindings();
}

for (const id of ['outline', 'findings']) {
  $(id).addEventListener('click', (event) => {
    const link = (event.target as HTMLElement).closest<HTMLAnchorElement>('a[data-line]');
    if (!link) return;
    event.preventDefault();
    goToLine(Number(link.dataset.line));
  });
}

/** Selects line `n` (1-based) in the editor and scrolls it into view. */
function goToLine(n: number): void {
  const lines = editor.value.split('\n');
  let start = 0;
  for (let i = 0; i < n - 1 && i < lines.length; i++) start += (lines[i] as string).length + 1;
  const end = start + (lines[n - 1]?.length ?? 0);
  editor.focus();
  editor.setSelectionRange(start, end);
  // A textarea does not scroll to its selection by itself: place the line a third of the way down.
  const ratio = editor.value.length ? start / editor.value.length : 0;
  editor.scrollTop = Math.max(0, ratio * editor.scrollHeight - editor.clientHeight / 3);
}

editor.addEventListener('input', () => {
  let entry = files[current];
  if (!entry) {
    addFile(words().untitled, new Uint8Array(), '');
    entry = files[current] as Entry;
  }
  entry.text = editor.value;
  entry.bytes = encoder.encode(editor.value);
  clearTimeout(checkTimer);
  const target = entry;
  checkTimer = setTimeout(() => check(target), 400);
});

// ---------------------------------------------------------------------------------------------
// Settings and fonts

function checked(fieldset: string): string[] {
  return [...document.querySelectorAll<HTMLInputElement>(`#${fieldset} input:checked`)].map((input) => input.value);
}

const fonts = fontPanel({ words, status, showMessage });
const themes = themeEditor({
  words,
  ask,
  base: () => $<HTMLSelectElement>('theme').value as Settings['theme'],
  changed: () => recheck(),
  preview: () => void convertAll(true),
  showMessage,
});

function settings(): Settings {
  const punctuation = $<HTMLSelectElement>('punctuation').value;
  const themeFile = themes.file();
  const off = new Set(
    [...document.querySelectorAll<HTMLInputElement>('#passes input:not(:checked)')].map((input) => input.value),
  );
  return {
    theme: $<HTMLSelectElement>('theme').value as Settings['theme'],
    ...(typeof themeFile === 'object' ? { themeFile } : {}),
    passes: Object.fromEntries(PASS_NAMES.filter((name) => off.has(name)).map((name) => [name, false])),
    zh: {
      vocabulary: $<HTMLSelectElement>('zh-vocabulary').value as Settings['zh']['vocabulary'],
      dictionary: $<HTMLTextAreaElement>('zh-dict').value,
      protect: $<HTMLTextAreaElement>('zh-protect').value,
    },
    formats: checked('formats') as Format[],
    editions: checked('editions') as Edition[],
    toc: $<HTMLInputElement>('toc').checked,
    ...(punctuation ? { punctuation: punctuation === 'on' } : {}),
    sheetLang: $<HTMLSelectElement>('sheet-lang').value as Settings['sheetLang'],
  };
}

// ---------------------------------------------------------------------------------------------
// Converting

/** An output, as its download link has it (the bytes are in the Blob behind `url`). */
interface Made {
  name: string;
  url: string;
}
let made: Made[] = [];

function showMessage(text: string): void {
  message.hidden = false;
  message.textContent = text;
}

function clearOutputs(): void {
  for (const output of made) URL.revokeObjectURL(output.url);
  made = [];
  outputsList.replaceChildren();
  zipLink.hidden = true;
  if (zipLink.href) URL.revokeObjectURL(zipLink.href);
  preview.hidden = true;
  preview.removeAttribute('src');
}

function addOutput(name: string, blob: Blob): void {
  const url = URL.createObjectURL(blob);
  made.push({ name, url });
  const item = document.createElement('li');
  const link = document.createElement('a');
  link.href = url;
  link.download = name;
  link.textContent = `${name} (${Math.ceil(blob.size / 1024)} KB)`;
  item.append(link);
  if (name.endsWith('.pdf')) {
    const show = document.createElement('button');
    show.type = 'button';
    show.textContent = words().preview;
    show.addEventListener('click', () => {
      // The browser's own PDF viewer: no pdf.js in the page.
      preview.src = url;
      preview.hidden = false;
    });
    item.append(' ', show);
    // Shown on demand: the viewer lays out every page of a long PDF.
  }
  outputsList.append(item);
}

/** The zip of all outputs, made by the worker after the conversion. */
function showZip(blob: Blob): void {
  zipLink.href = URL.createObjectURL(blob);
  zipLink.download = 'wenshu.zip';
  zipLink.hidden = false;
}

/** Converts every file; a preview converts the open one to a PDF and shows it. */
async function convertAll(previewOnly = false): Promise<void> {
  message.hidden = true;
  if (themes.file() === 'invalid') return showMessage(words().themeInvalid);
  const chosen = previewOnly ? { ...settings(), formats: ['pdf' as const], editions: ['cn' as const] } : settings();
  const open = files[current];
  const inputs = previewOnly
    ? open && !open.error
      ? [open]
      : []
    : files.filter((file) => file.bytes.length > 0 || file.error);
  if (files.length === 0 || (previewOnly && inputs.length === 0)) return showMessage(words().noFile);
  if (chosen.formats.length === 0 || chosen.editions.length === 0) return showMessage(words().noFormat);
  clearOutputs();
  delete status.dataset.elapsedMs;
  const button = $<HTMLButtonElement>('convert');
  button.disabled = true;
  progress.hidden = false;
  progress.value = 0;
  status.textContent = words().loading;
  const perFile = chosen.formats.length * chosen.editions.length;
  const total = Math.max(1, (previewOnly ? 1 : files.length) * perFile);
  let finished = 0;
  const errors: string[] = [];
  const userFonts = chosen.formats.includes('pdf') ? await storedFonts() : [];
  const epoch = new URLSearchParams(location.search).get('sourceDateEpoch');
  ask(
    {
      type: 'convert',
      files: (inputs.length ? inputs : files).map(({ name, bytes }) => ({ name, bytes })),
      settings: chosen,
      userFonts,
      ...(epoch ? { sourceDateEpoch: Number(epoch) } : {}),
    },
    (reply) => {
      if (reply.type === 'progress') {
        status.textContent = `${words().working} ${reply.file}: ${reply.stage === 'fonts' ? words().fontsStage : reply.stage}`;
        progress.value = (finished + reply.done) / total;
      } else if (reply.type === 'output') {
        addOutput(reply.name, reply.blob);
      } else if (reply.type === 'file-done' || reply.type === 'failed') {
        // The conversion's findings include the exporters' warnings (a face that fell back, a cut cell).
        const entry = files.find((file) => file.name === reply.file);
        if (entry && reply.type === 'file-done') {
          entry.findings = reply.findings;
          entry.omitted = { outline: entry.omitted?.outline ?? 0, findings: reply.omittedFindings };
          if (entry === files[current]) renderFindings();
        }
        finished += perFile;
        progress.value = finished / total;
        if (reply.type === 'failed')
          errors.push(
            reply.input ? inputMessage(words(), reply.file, reply.message) : `${reply.file}: ${reply.message}`,
          );
      } else if (reply.type === 'zipped') {
        if (!previewOnly) showZip(reply.blob);
      } else if (reply.type === 'done') {
        button.disabled = false;
        progress.value = 1;
        status.textContent = words().doneIn(previewOnly ? 1 : files.length, (reply.elapsedMs / 1000).toFixed(1));
        status.dataset.elapsedMs = String(Math.round(reply.elapsedMs));
        if (errors.length) showMessage(errors.join('\n'));
        const pdf = made.find((output) => output.name.endsWith('.pdf'));
        if (previewOnly && pdf) {
          preview.src = pdf.url;
          preview.hidden = false;
        }
      }
    },
  );
}

// ---------------------------------------------------------------------------------------------
// Wiring

$('convert').addEventListener('click', () => void convertAll());
$<HTMLInputElement>('open').addEventListener('change', (event) => {
  const input = event.target as HTMLInputElement;
  if (input.files) void readFiles(input.files).then(() => (input.value = ''));
});
// Rich text pasted where no text is being edited (an empty editor, or the page: a report copied from
// an AI chat page, Word or a web page) comes in as an HTML input, so that its headings, lists, tables
// and formulas are read as the command reads an .html file; pasted into text being edited, it is text.
let pastes = 0;
document.addEventListener('paste', (event) => {
  const html = event.clipboardData?.getData('text/html') ?? '';
  if (html.trim() === '' || (document.activeElement === editor && editor.value !== '')) return;
  event.preventDefault();
  pastes++;
  addFile(`${words().pasted}-${pastes}.html`, encoder.encode(html));
});
$('new').addEventListener('click', () => {
  addFile(words().untitled, new Uint8Array(), '');
  editor.focus();
});
for (const target of [document.body]) {
  target.addEventListener('dragover', (event) => {
    event.preventDefault();
    $('drop').classList.add('over');
  });
  target.addEventListener('dragleave', () => $('drop').classList.remove('over'));
  target.addEventListener('drop', (event) => {
    event.preventDefault();
    $('drop').classList.remove('over');
    if (event.dataTransfer?.files.length) void readFiles(event.dataTransfer.files);
  });
}
/** The open text checked again: the theme and the passes decide its outline and its repairs. */
function recheck(): void {
  const entry = files[current];
  if (entry && !entry.error && entry.text !== undefined) check(entry);
}
$('theme').addEventListener('change', () => {
  themes.reset();
  recheck();
});
$('punctuation').addEventListener('change', recheck);
$('passes').addEventListener('change', recheck);

$<HTMLSelectElement>('lang').addEventListener('change', (event) => {
  const value = (event.target as HTMLSelectElement).value;
  if (isLang(value)) {
    localStorage.setItem('wenshu-lang', value);
    applyLanguage(value);
  }
});

const asked = new URLSearchParams(location.search).get('lang') ?? localStorage.getItem('wenshu-lang');
applyLanguage(isLang(asked) ? asked : 'zh-Hans');

// Offline after the first visit: the service worker keeps the site (and the fonts once fetched).
if ('serviceWorker' in navigator && location.protocol !== 'file:' && !import.meta.env.DEV) {
  navigator.serviceWorker.register('./sw.js').catch(() => {});
}
