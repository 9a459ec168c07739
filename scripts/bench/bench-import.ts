import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { makeOldBackup } from '../../tests/support/fixtures/old-app-backup';
import { type BenchContext, type BenchResult, median, newBenchContext, round } from './types';

const STORIES = 2000;

/**
 * Import of an older-app backup with 2,000 stories through the Settings page, in Chromium: from
 * choosing the file to the report (parse + validate), and from "Import" to "Import finished."
 * (one transaction). Each run uses a fresh browser profile.
 */
export async function benchImport({ browser, server }: BenchContext): Promise<BenchResult[]> {
  const dir = mkdtempSync(join(tmpdir(), 'nm-bench-import-'));
  const file = join(dir, 'nihongo-monogatari-backup.json');
  writeFileSync(file, JSON.stringify(makeOldBackup(STORIES)));
  const totals: number[] = [];
  const plans: number[] = [];
  try {
    for (let run = 0; run < 3; run++) {
      const context = await newBenchContext(browser);
      const page = await context.newPage();
      await page.goto(`${server.url}/settings`);
      await page.getByRole('heading', { name: 'Your data' }).waitFor();
      const t0 = Date.now();
      await page.getByLabel('Backup file (.json)').setInputFiles(file);
      const importButton = page.getByRole('button', { name: `Import ${STORIES} stories` });
      await importButton.waitFor({ timeout: 60_000 });
      const t1 = Date.now();
      await importButton.click();
      await page.getByText('Import finished.').waitFor({ timeout: 60_000 });
      const t2 = Date.now();
      plans.push(t1 - t0);
      totals.push(t2 - t0);
      const inPage = await page.evaluate(() => performance.getEntriesByType('measure').filter((m) => m.name.startsWith('import:')).map((m) => [m.name, Math.round(m.duration)]));
      if (process.env.BENCH_VERBOSE) console.error(JSON.stringify(inPage));
      await context.close();
    }
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
  return [
    { name: 'import-2000-story-backup-total', value: round(median(totals)), unit: 'ms', budget: 3000, better: 'lower' },
    { name: 'import-2000-story-backup-validate-and-report', value: round(median(plans)), unit: 'ms', budget: null, better: 'lower' },
  ];
}
