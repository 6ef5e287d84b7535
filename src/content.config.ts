import { defineCollection } from 'astro:content';
import { glob, type Loader } from 'astro/loaders';
import { loadDataset, contentDir, STORY_FOLDER } from './data/load.ts';
import { formatReport } from './lib/report.ts';
import { toSnapshot } from './lib/snapshot.ts';

// Data enters the site here: the loader reads the data folder through the core and stores one
// snapshot (validated tables, every verdict, public award records). Any data error fails the build
// with the same Vietnamese report as `npm run check-data`.
const chungTayLoader: Loader = {
  name: 'chung-tay-du-lieu',
  async load({ store }) {
    const { dataset, errors, warnings, inputs } = loadDataset();
    if (!dataset) throw new Error(`Dữ liệu có lỗi, không dựng trang.\n${formatReport(errors, warnings)}`);
    store.clear();
    store.set({ id: 'du-lieu', data: { ...toSnapshot(dataset, warnings, inputs) } });
  },
};

export const collections = {
  du_lieu: defineCollection({ loader: chungTayLoader }),
  // Exactly the files check-data reads as stories (src/lib/stories/file.ts refuses every other entry).
  dien_hinh: defineCollection({ loader: glob({ pattern: '*.mdx', base: `${contentDir()}/${STORY_FOLDER}` }) }),
};
