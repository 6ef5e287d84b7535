import { spawnSync } from 'node:child_process';

// The site tests read dist/: build it once from the sample data, exactly as `npm run build` does.
export default function setup() {
  const run = spawnSync(process.execPath, ['scripts/build.ts'], {
    encoding: 'utf8',
    env: { ...process.env, ASTRO_TELEMETRY_DISABLED: '1' },
  });
  if (run.status !== 0) throw new Error(`npm run build failed:\n${run.stdout}\n${run.stderr}`);
}
