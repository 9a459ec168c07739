import { readdirSync, readFileSync } from 'node:fs';
import { join, relative, resolve, dirname } from 'node:path';

/**
 * The import graph between the folders of src/ (DESIGN.md §1), and every place page code talks to
 * the service worker. `tsx scripts/import-graph.ts` prints it; tests/unit/architecture.test.ts
 * asserts it, so a layering slip fails the suite instead of waiting for a reviewer.
 */
export const SRC = resolve(import.meta.dirname, '../src');

/**
 * Who may import whom: a folder may use its own files and the folders listed for it. Siblings stay
 * apart (the engine knows nothing of Gemini; tasks and sync do not use each other).
 */
export const ALLOWED: Record<string, readonly string[]> = {
  domain: [],
  db: ['domain'],
  jobs: ['db', 'domain'],
  ai: ['db', 'domain'],
  tasks: ['jobs', 'ai', 'db', 'domain'],
  sync: ['jobs', 'db', 'domain'],
  app: ['tasks', 'sync', 'jobs', 'ai', 'db', 'domain'],
  sw: ['tasks', 'sync', 'jobs', 'ai', 'db', 'domain'],
  ui: ['app', 'tasks', 'sync', 'jobs', 'ai', 'db', 'domain'],
};

/** The page's entry point is the one composition root that mounts the UI. */
const ROOT_EXCEPTIONS = new Set(['app/main.ts → ui']);

/** The one page module allowed to touch `navigator.serviceWorker`, Background Sync and worker messages. */
export const BRIDGE = 'app/sw-bridge.ts';
const WORKER_API = /navigator\.serviceWorker|\.sync\.register\(|SyncManager|registration\.(active|waiting)/;

export interface Edge {
  from: string;
  to: string;
  file: string;
  specifier: string;
}

function sourceFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) return sourceFiles(path);
    return entry.name.endsWith('.ts') && !entry.name.endsWith('.d.ts') ? [path] : [];
  });
}

const folderOf = (path: string) => relative(SRC, path).split('/')[0] ?? '';

export function importEdges(): Edge[] {
  const edges: Edge[] = [];
  for (const path of sourceFiles(SRC)) {
    const text = readFileSync(path, 'utf8');
    for (const match of text.matchAll(/(?:from\s+|import\s*\(\s*|import\s+)'(\.[^']+)'/g)) {
      const specifier = match[1] as string;
      const target = resolve(dirname(path), specifier);
      edges.push({ from: folderOf(path), to: folderOf(target), file: relative(SRC, path), specifier });
    }
  }
  return edges;
}

export function layeringViolations(edges: readonly Edge[] = importEdges()): Edge[] {
  return edges.filter((e) => e.from !== e.to && !(ALLOWED[e.from] ?? []).includes(e.to) && !ROOT_EXCEPTIONS.has(`${e.file} → ${e.to}`));
}

/** Page files (not the bridge, not the worker) that use the service-worker API directly. */
export function workerSideDoors(): string[] {
  return sourceFiles(SRC)
    .map((path) => relative(SRC, path))
    .filter((file) => file !== BRIDGE && folderOf(join(SRC, file)) !== 'sw')
    .filter((file) => WORKER_API.test(readFileSync(join(SRC, file), 'utf8')));
}

if (process.argv[1] && resolve(process.argv[1]) === resolve(import.meta.filename)) {
  const edges = importEdges();
  const counts = new Map<string, number>();
  for (const e of edges) if (e.from !== e.to) counts.set(`${e.from} → ${e.to}`, (counts.get(`${e.from} → ${e.to}`) ?? 0) + 1);
  for (const [pair, n] of [...counts].sort()) console.log(`${pair}: ${n}`);
  console.log(`layering violations: ${JSON.stringify(layeringViolations(edges))}`);
  console.log(`page files using the worker API outside ${BRIDGE}: ${JSON.stringify(workerSideDoors())}`);
}
