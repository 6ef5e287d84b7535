import { readFileSync } from 'node:fs';
import { expect, it } from 'vitest';
import { dataReadme } from '../src/lib/data-docs.ts';

it('documents the data contract as it is validated (run npm run data-docs after changing a schema)', () => {
  expect(readFileSync('data/README.md', 'utf8')).toBe(dataReadme());
});
