import type { APIRoute, GetStaticPaths } from 'astro';
import { getSite } from '../../data/site.ts';
import { searchDocuments, searchIndex, searchKinds } from '../../lib/site/search.ts';
import { contentsFile, MANIFEST_FILE, shardFile } from '../../lib/site/search-key.ts';

// The search index: its tables of contents and one file per shard, built once per build.
export const getStaticPaths = (async () => {
  const site = await getSite();
  const { manifest, contents, shards } = searchIndex(
    searchDocuments(site, site.paths, site.awardViews),
    searchKinds(site),
  );
  return [
    { params: { tep: MANIFEST_FILE }, props: { body: JSON.stringify(manifest) } },
    ...[...contents].map(([node, list]) => ({
      params: { tep: contentsFile(node) },
      props: { body: JSON.stringify(list) },
    })),
    ...[...shards].map(([start, docs]) => ({
      params: { tep: shardFile(start) },
      props: { body: JSON.stringify(docs) },
    })),
  ];
}) satisfies GetStaticPaths;

export const GET: APIRoute = ({ props }) =>
  new Response((props as { body: string }).body, { headers: { 'Content-Type': 'application/json; charset=utf-8' } });
