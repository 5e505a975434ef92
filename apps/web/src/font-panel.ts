/**
 * The PDF's fonts on the page: the user's font files by role (kept in IndexedDB for the next
 * visit), picked as files or taken from the installed fonts where the browser can list them (Local
 * Font Access, `local-fonts.ts`). The worker gets them with each conversion that makes a PDF.
 */
import type { Words } from './i18n.js';
import { canQueryLocalFonts, isCollection, type LocalFont, queryLocalFonts, suggestFont } from './local-fonts.js';
import { forgetFont, storedFonts, storeFont } from './storage.js';
import type { UserFont } from './worker/protocol.js';

export interface FontPanelHost {
  words(): Words;
  status: HTMLElement;
  showMessage(text: string): void;
}

export function fontPanel(host: FontPanelHost): { render(): Promise<void> } {
  const $ = <T extends HTMLElement = HTMLElement>(id: string) => document.getElementById(id) as T;
  const role = () => $<HTMLSelectElement>('font-role').value as UserFont['role'];

  async function render(): Promise<void> {
    const fonts = await storedFonts();
    $('user-fonts').replaceChildren(
      ...fonts.map((font) => {
        const item = document.createElement('li');
        const remove = document.createElement('button');
        remove.type = 'button';
        remove.textContent = host.words().remove;
        remove.addEventListener('click', () => void forgetFont(font.role).then(render));
        item.append(`${font.role}: ${font.name} `, remove);
        return item;
      }),
    );
  }

  async function keep(font: UserFont): Promise<void> {
    await storeFont(font);
    host.status.textContent = host.words().fontSaved(font.name, font.role);
    await render();
  }

  $<HTMLInputElement>('font-file').addEventListener('change', async (event) => {
    const input = event.target as HTMLInputElement;
    const file = input.files?.[0];
    if (!file) return;
    await keep({ role: role(), name: file.name, bytes: new Uint8Array(await file.arrayBuffer()) });
    input.value = '';
  });

  // Installed fonts, where the browser can list them.
  let installed: LocalFont[] = [];
  const pick = $<HTMLSelectElement>('local-font');
  const suggest = () => {
    const suggested = suggestFont(role(), installed);
    if (suggested) pick.value = suggested.postscriptName;
  };
  if (!canQueryLocalFonts()) {
    $('local-fonts-button').hidden = true;
    $('local-fonts-note').dataset.t = 'localFontsUnsupported';
  }
  $('local-fonts-button').addEventListener('click', async () => {
    try {
      installed = await queryLocalFonts();
    } catch {
      return host.showMessage(host.words().localFontsDenied);
    }
    pick.replaceChildren(
      ...installed.map((font) => new Option(`${font.fullName} (${font.postscriptName})`, font.postscriptName)),
    );
    $('local-font-pick').hidden = installed.length === 0;
    host.status.textContent = host.words().localFontsFound(installed.length);
    suggest();
  });
  $('font-role').addEventListener('change', suggest);
  $('use-local-font').addEventListener('click', async () => {
    const font = installed.find((f) => f.postscriptName === pick.value);
    if (!font) return;
    const bytes = new Uint8Array(await (await font.blob()).arrayBuffer());
    // A collection's face is the one chosen, by its PostScript name.
    await keep({
      role: role(),
      name: font.fullName,
      bytes,
      ...(isCollection(bytes) ? { postscriptName: font.postscriptName } : {}),
    });
  });

  return { render };
}
