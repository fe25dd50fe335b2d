// npm start: build the web app once if it has not been built, then start the server.
import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';

if (!existsSync(new URL('../apps/web/dist/index.html', import.meta.url))) {
  console.log('Building the web app (first start only)…');
  const r = spawnSync('npm', ['run', 'build', '-w', '@qorgau/web'], { stdio: 'inherit' });
  if (r.status !== 0) process.exit(r.status ?? 1);
}
process.argv.splice(2, 0, 'start');
await import('../apps/server/bin/qorgau.mjs');
