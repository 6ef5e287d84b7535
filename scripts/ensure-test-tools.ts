// Runs before `npm test`: the browser tests use Debian's Chromium (Playwright cannot download its
// own browsers here) and the HTML checker needs Java. Installs what is missing with apt-get when
// we are root; otherwise says what to install.
import { execFileSync, spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';

const missing: string[] = [];
if (!existsSync('/usr/bin/chromium')) missing.push('chromium');
if (spawnSync('java', ['-version']).error) missing.push('default-jre-headless');

if (missing.length > 0) {
  if (process.getuid?.() === 0) {
    console.log(`Cài cho kiểm thử: ${missing.join(', ')}…`);
    execFileSync('apt-get', ['update', '-qq'], { stdio: 'inherit' });
    execFileSync('apt-get', ['install', '-y', '-qq', ...missing], {
      stdio: 'inherit',
      env: { ...process.env, DEBIAN_FRONTEND: 'noninteractive' },
    });
  } else {
    console.error(`Thiếu ${missing.join(', ')}. Cài bằng: sudo apt-get install -y ${missing.join(' ')}`);
    process.exit(1);
  }
}
