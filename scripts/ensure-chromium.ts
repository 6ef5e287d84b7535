// Runs before `npm test`: the browser tests use Debian's Chromium (Playwright cannot download its
// own browsers here). Installs it with apt-get when missing and we are root; otherwise explains.
import { execFileSync } from 'node:child_process';
import { existsSync } from 'node:fs';

const CHROMIUM = '/usr/bin/chromium';

if (!existsSync(CHROMIUM)) {
  if (process.getuid?.() === 0) {
    console.log('Cài Chromium của Debian cho kiểm thử trình duyệt…');
    execFileSync('apt-get', ['update', '-qq'], { stdio: 'inherit' });
    execFileSync('apt-get', ['install', '-y', '-qq', 'chromium'], { stdio: 'inherit', env: { ...process.env, DEBIAN_FRONTEND: 'noninteractive' } });
  } else {
    console.error(`Thiếu ${CHROMIUM}. Cài bằng: sudo apt-get install -y chromium`);
    process.exit(1);
  }
}
