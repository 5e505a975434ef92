/**
 * Every line the command prints to the terminal goes through here. File names and URLs come from
 * outside: a file named `ESC ] 0 ; … BEL` retitles the terminal window, a picture URL holding
 * `ESC [ 2 J` clears the screen, and a right-to-left override makes `gpj.exe` read as `exe.jpg`.
 * Such characters are shown escaped, as JavaScript writes them (`\x1B`, `\u202E`), never sent raw.
 */

/**
 * C0 and C1 controls, DEL, and the bidirectional embeddings, overrides and isolates (U+202A–U+202E,
 * U+2066–U+2069). Line separators U+2028/U+2029 too: terminals and logs break lines at them.
 */
// biome-ignore lint/suspicious/noControlCharactersInRegex: these are the characters it finds
const UNSAFE = /[\u0000-\u001f\u007f-\u009f\u2028\u2029\u202a-\u202e\u2066-\u2069]/g;

const NAMED: Record<string, string> = { '\t': '\\t', '\n': '\\n', '\r': '\\r' };

/** `text` with every control character escaped: one line, shown as it is, that changes nothing on the terminal. */
export function safeForTerminal(text: string): string {
  return text.replace(UNSAFE, (char) => {
    const named = NAMED[char];
    if (named) return named;
    const code = char.charCodeAt(0);
    return code <= 0xff
      ? `\\x${code.toString(16).toUpperCase().padStart(2, '0')}`
      : `\\u${code.toString(16).toUpperCase()}`;
  });
}

/** Prints one message line on standard error, escaped. */
export function printMessage(line: string): void {
  process.stderr.write(`${safeForTerminal(line)}\n`);
}
