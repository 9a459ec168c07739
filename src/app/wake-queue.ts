import { reportPageFault } from './error-handlers';

/**
 * Asks for the queue to be drained after a job was queued, loading the queue client (and the
 * worker's bridge under it) only then: the pages that queue jobs (the Reader's narration, words and
 * grammar notes) draw without that code. A job queued is stored already; if the code cannot load,
 * the next drain (another page, the worker's sync) runs it.
 */
export function wakeQueue(): void {
  import('./queue-client')
    .then(({ requestDrain }) => requestDrain())
    .catch((error: unknown) => reportPageFault('starting the queue', error));
}
