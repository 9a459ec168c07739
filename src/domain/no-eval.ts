/**
 * Imported first by each entry point (src/app/main.ts, src/sw/sw.ts), before any module that builds
 * a schema. zod 4 compiles a fast object parser with `new Function` unless told not to, and it
 * decides that, and probes whether eval works, when each object schema is created. Under the app's
 * CSP (`script-src 'self'`, no 'unsafe-eval') the probe fails, and even a caught failure is reported
 * as a `securitypolicyviolation`. `jitless` makes zod skip the probe and the compiler.
 *
 * zod keeps that configuration on `globalThis.__zod_globalConfig` (so that every copy of zod on a
 * page shares it) and adopts an object already there. Setting it here, rather than through
 * `z.config`, keeps zod out of the first route altogether: importing even `config` from zod's core
 * brought 6 KB of its utilities into the entry chunk. tests/unit/domain/no-eval.test.ts holds zod
 * to that contract, and the e2e CSP checks catch any violation if it ever breaks.
 */
interface ZodGlobal {
  __zod_globalConfig?: { jitless?: boolean };
}

const zodGlobal = globalThis as ZodGlobal;
// Changed in place: a zod that loaded first holds on to the object it found.
zodGlobal.__zod_globalConfig ??= {};
zodGlobal.__zod_globalConfig.jitless = true;

export {};
