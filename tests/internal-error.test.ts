import { spawnSync } from 'node:child_process';
import { expect, it } from 'vitest';

// A bug in the code (here: an exception quoting a system file) ends a command with one Vietnamese line,
// no stack trace and nothing it read; exit code 1.
const crash = (how: string) =>
  spawnSync(
    process.execPath,
    ['--input-type=module', '-e', `import { guardCommand } from './scripts/internal-error.ts'; ${how}`],
    { encoding: 'utf8' },
  );

it('ends an internal error with one line that says where to report it, and exit code 1', () => {
  for (const how of [
    "guardCommand('npm run build', () => { throw new Error('root:x:0:0:/etc/passwd'); });",
    "guardCommand('npm run build', () => { Promise.reject(new Error('root:x:0:0:/etc/passwd')); });",
  ]) {
    const run = crash(how);
    expect(run.status).toBe(1);
    expect(run.stdout).toBe('');
    expect(run.stderr.trim().split('\n')).toHaveLength(1);
    expect(run.stderr).toContain('Lỗi nội bộ của chương trình (không phải lỗi dữ liệu): npm run build dừng lại');
    expect(run.stderr).toContain('mục "Báo lỗi"');
    expect(run.stderr).not.toMatch(/passwd|\bat /);
  }
});
