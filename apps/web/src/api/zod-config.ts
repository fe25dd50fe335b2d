import { z } from 'zod';

// The server's CSP forbids eval. Zod would probe `new Function` to compile fast parsers,
// fail, and fall back; say so up front so the browser reports no CSP violation.
z.config({ jitless: true });
