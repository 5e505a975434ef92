/**
 * Baseline programs (pandoc, opencc, LibreOffice) come from Debian. When a selected case needs
 * one that is missing and we may install (root, apt-get present), install it before measuring,
 * so a fresh machine gets the comparison rows too; otherwise those rows say they were skipped.
 */
import { spawnSync } from 'node:child_process';
import { which } from './measure.mjs';

/**
 * @param {{ program: string, debian: string }[]} needs
 */
export function installBaselineTools(needs) {
  const missing = needs.filter((need) => !which(need.program));
  const packages = [...new Set(missing.map((need) => need.debian))];
  if (packages.length === 0) return;
  const root = typeof process.getuid === 'function' && process.getuid() === 0;
  if (!root || !which('apt-get')) {
    process.stderr.write(`baseline programs missing (${packages.join(', ')}): their rows will be skipped\n`);
    return;
  }
  process.stderr.write(`installing baseline programs: ${packages.join(', ')}\n`);
  const env = { ...process.env, DEBIAN_FRONTEND: 'noninteractive' };
  spawnSync('apt-get', ['update', '-qq'], { stdio: 'inherit', env });
  const result = spawnSync('apt-get', ['install', '-y', '-qq', '--no-install-recommends', ...packages], {
    stdio: 'inherit',
    env,
  });
  if (result.status !== 0) process.stderr.write(`apt-get install ${packages.join(' ')} failed: rows skipped\n`);
}
