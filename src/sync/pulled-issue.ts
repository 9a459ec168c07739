import type { z } from 'zod';

/** A pulled row's first schema problem, as "path: message" (the reason a rejection shows). */
export function firstIssue(error: z.ZodError): string {
  const issue = error.issues[0];
  const where = issue && issue.path.length > 0 ? `${issue.path.map(String).join('.')}: ` : '';
  return `${where}${issue?.message ?? 'invalid'}`;
}
