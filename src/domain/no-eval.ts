import { config } from 'zod/v4/core';

/**
 * Imported first by each entry point (src/app/main.ts, src/sw/sw.ts), before any module that builds
 * a schema. zod 4 compiles a fast object parser with `new Function` unless told not to, and it
 * decides that, and probes whether eval works, when each object schema is created. Under the app's
 * CSP (`script-src 'self'`, no 'unsafe-eval') the probe fails, and even a caught failure is reported
 * as a `securitypolicyviolation`. `jitless` makes zod skip the probe and the compiler.
 *
 * `zod/v4/core` is the module zod's own `z.config` writes to, and importing only `config` keeps the
 * first route free of the rest of zod (it loads with the lazy chunks that need it).
 */
config({ jitless: true });
