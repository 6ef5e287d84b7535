import type { APIRoute, GetStaticPaths } from 'astro';
import { TEMPLATE_FILES, templateFile } from '../../../lib/data-templates.ts';

// Blank templates of every data file (CSV and Excel), built from the schemas at each build.
export const getStaticPaths = (() => TEMPLATE_FILES.map((file) => ({ params: { file } }))) satisfies GetStaticPaths;

export const GET: APIRoute = ({ params }) => {
  const template = templateFile(String(params['file']));
  if (!template) return new Response(null, { status: 404 });
  return new Response(new Uint8Array(template.bytes), { headers: { 'Content-Type': template.type } });
};
