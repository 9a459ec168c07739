import { SAMPLE_N3 } from '../../src/domain/samples/sample-n3';

/** One route the paint bench audits, with the budgets issue 12 sets for it. */
export interface AuditedRoute {
  /** Short name used in figure names: `lighthouse-<key>-fcp`. */
  key: string;
  path: string;
  /** Text of the heading that says the route's real content (not a placeholder) is on screen. */
  heading: string;
  lcpMs: number;
  tbtMs: number;
}

/** Budgets every route shares (issue 12, "Paint and stability"). */
export const SHARED_BUDGETS = { fcpMs: 1000, cls: 0.02, performance: 98, accessibility: 100, bestPractices: 100, seo: 100 } as const;

/** Home, Library, and the Reader on a bundled sample (its id never changes, and a fresh profile has it). */
export const AUDITED_ROUTES: readonly AuditedRoute[] = [
  { key: 'home', path: '/', heading: 'Recent stories', lcpMs: 1200, tbtMs: 50 },
  { key: 'library', path: '/library', heading: 'Library', lcpMs: 1400, tbtMs: 50 },
  { key: 'reader', path: `/story/${SAMPLE_N3.id}`, heading: SAMPLE_N3.titleJP, lcpMs: 1600, tbtMs: 100 },
];
