#!/usr/bin/env node
// `npx qorgau` and `npm start`: runs the TypeScript sources directly (tsx), the quick path for a
// laptop or a demo. Production runs the compiled server instead: `npm run build`, then
// `node apps/server/dist/qorgau.mjs <command>` (docs/deploying.md).
import { register } from 'tsx/esm/api';

register();
await import('../src/cli/qorgau.ts');
