// Prints the JavaScript a first visit downloads, gzipped, and fails the build past the 201 KB budget: Next's runtime
// and the page (build-manifest.json's root files) plus the app the page loads at once (the loadable of app/page.tsx).
// Views loaded on demand (next/dynamic inside the app) and the legacy polyfills no current browser fetches are listed
// apart and not counted.
import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';

// 200 KB until attachments (issue 20): the composer's attach button, drag and drop and avatars add ~0.3 KB after the
// image and file views, the picked-file chips and the upload code moved to chunks loaded on demand.
const BUDGET = 201 * 1024;
const manifest = JSON.parse(readFileSync('.next/server/app/page/build-manifest.json', 'utf8'));
const loadable = JSON.parse(readFileSync('.next/server/app/page/react-loadable-manifest.json', 'utf8'));
const html = readFileSync('out/index.html', 'utf8');
const named = [...html.matchAll(/src="\/_next\/(static\/chunks\/[^"]+\.js)"/g)].map((m) => m[1]);
const polyfills = new Set(manifest.polyfillFiles);
const appEntry = Object.values(loadable).sort((a, b) => a.id - b.id)[0]?.files ?? [];
const first = new Set([...manifest.rootMainFiles, ...named, ...appEntry].filter((f) => !polyfills.has(f)));

const dir = 'out/_next/static/chunks';
const size = (file) => gzipSync(readFileSync(join('out/_next', file)), { level: 9 }).length;
const kb = (n) => `${(n / 1024).toFixed(1)} KB`;
const firstChunks = [...first].map((file) => ({ file, gzip: size(file) })).sort((a, b) => b.gzip - a.gzip);
const total = firstChunks.reduce((sum, c) => sum + c.gzip, 0);
const onDemand = readdirSync(dir)
  .map((f) => `static/chunks/${f}`)
  .filter((f) => f.endsWith('.js') && !first.has(f) && !polyfills.has(f))
  .reduce((sum, f) => sum + size(f), 0);

console.log('web: JavaScript of a first visit, gzipped:');
for (const c of firstChunks) console.log(`  ${kb(c.gzip).padStart(9)}  ${c.file}`);
console.log(`web: main bundle ${kb(total)} gzipped (budget ${kb(BUDGET)}); views loaded on demand ${kb(onDemand)}`);
if (total > BUDGET) {
  console.error(`web: the main bundle is ${kb(total)} gzipped, over the ${kb(BUDGET)} budget`);
  process.exit(1);
}
