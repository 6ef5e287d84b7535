import { defineCollection } from 'astro:content';
import { glob } from 'astro/loaders';
import { contentDir, STORY_FOLDER } from './data/folders.ts';

// The stories' MDX bodies are rendered by Astro; every figure and verdict reaches the pages through
// src/data/site.ts, which takes the dataset the build validated (never a second read of the data).
export const collections = {
  // Exactly the files check-data reads as stories (src/lib/stories/file.ts refuses every other entry).
  dien_hinh: defineCollection({ loader: glob({ pattern: '*.mdx', base: `${contentDir()}/${STORY_FOLDER}` }) }),
};
