import { execFileSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { log } from './lib.mjs';

export const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
const CJK_FONT = '/usr/share/fonts/opentype/noto/NotoSansCJK-Regular.ttc';

/**
 * The browser tests need Debian's chromium and a font with Chinese glyphs (fonts-noto-cjk). Installed with apt-get
 * when missing and running as root; otherwise a clear message (the e2e tests then fail saying the same).
 */
export function ensureBrowser() {
  const missing = [!existsSync(CHROMIUM) && 'chromium', !existsSync(CJK_FONT) && 'fonts-noto-cjk'].filter(Boolean);
  if (!missing.length) return true;
  const isRoot = typeof process.getuid === 'function' && process.getuid() === 0;
  if (!isRoot || process.env.CHROMIUM_PATH) {
    log(`the browser tests need ${missing.join(' and ')}: run  sudo apt-get install -y chromium fonts-noto-cjk  (or set CHROMIUM_PATH)`);
    return false;
  }
  log(`installing ${missing.join(' and ')} with apt-get (browser tests) …`);
  try {
    execFileSync('apt-get', ['install', '-y', '-qq', ...missing], { stdio: 'inherit' });
  } catch {
    execFileSync('apt-get', ['update', '-qq'], { stdio: 'inherit' });
    execFileSync('apt-get', ['install', '-y', '-qq', ...missing], { stdio: 'inherit' });
  }
  return existsSync(CHROMIUM);
}
