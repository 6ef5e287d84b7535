import { readdirSync, readFileSync, existsSync } from 'node:fs';
import { buildDataset, DATA_FILES } from '../src/lib/dataset.ts';
const R = 'src/lib/domain/golden';
for (const c of readdirSync(R)) {
  if (c === 'base' || c.endsWith('.md')) continue;
  const files = new Map(DATA_FILES.map((f) => [f, readFileSync(existsSync(`${R}/${c}/${f}`) ? `${R}/${c}/${f}` : `${R}/base/${f}`)]));
  const r = buildDataset(files);
  console.log(c, r.errors.map((e) => `${e.file}:${e.line} ${e.field} ${e.message}`), r.warnings.map((e) => `${e.file}:${e.line} ${e.message}`).slice(0, 6));
}
