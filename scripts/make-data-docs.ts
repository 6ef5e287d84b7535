// npm run data-docs: write data/README.md from the schemas.
import { writeFileSync } from 'node:fs';
import { dataReadme } from '../src/lib/data-docs.ts';

writeFileSync('data/README.md', dataReadme());
console.log('Đã ghi data/README.md.');
