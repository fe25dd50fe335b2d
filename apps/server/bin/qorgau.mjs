#!/usr/bin/env node
// Runs the TypeScript sources directly (tsx): one artefact, no build step for the server.
import { register } from 'tsx/esm/api';

register();
await import('../src/cli/qorgau.ts');
