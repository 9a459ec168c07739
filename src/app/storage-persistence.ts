/**
 * "Keep my data on this device": the browser's persistent-storage permission and its space
 * estimate. Without persistence a browser may evict the whole origin's data under storage pressure
 * (and Safari after 7 days without a visit); the Settings page explains which case applies.
 */
export type PersistenceState = 'persisted' | 'not-persisted' | 'unsupported';

type StorageApi = Pick<StorageManager, 'persisted' | 'persist' | 'estimate'>;

function storageApi(): Partial<StorageApi> | undefined {
  return typeof navigator === 'undefined' ? undefined : navigator.storage;
}

export async function persistenceState(api: Partial<StorageApi> | undefined = storageApi()): Promise<PersistenceState> {
  if (typeof api?.persisted !== 'function') return 'unsupported';
  try {
    return (await api.persisted()) ? 'persisted' : 'not-persisted';
  } catch {
    return 'unsupported';
  }
}

/** Asks the browser to keep this origin's data; some browsers decide without asking the learner. */
export async function requestPersistence(api: Partial<StorageApi> | undefined = storageApi()): Promise<PersistenceState> {
  if (typeof api?.persist !== 'function') return 'unsupported';
  try {
    return (await api.persist()) ? 'persisted' : 'not-persisted';
  } catch {
    return 'not-persisted';
  }
}

export interface StorageEstimateInfo {
  usage: number;
  quota: number;
}

/** The browser's own figure for everything this origin stores (it includes caches and overhead). */
export async function storageEstimate(api: Partial<StorageApi> | undefined = storageApi()): Promise<StorageEstimateInfo | null> {
  if (typeof api?.estimate !== 'function') return null;
  try {
    const { usage, quota } = await api.estimate();
    return typeof usage === 'number' && typeof quota === 'number' ? { usage, quota } : null;
  } catch {
    return null;
  }
}

export const PERSISTENCE_TEXT: Record<PersistenceState, string> = {
  persisted: 'Your stories are kept: the browser will not clear this app’s data to free space.',
  'not-persisted':
    'Your browser may clear this app’s data when space runs low. Safari deletes data of sites you have not used for 7 days unless the app is installed to the home screen. Export a backup now and then to be safe.',
  unsupported:
    'This browser cannot be asked to keep this app’s data, and may clear it when space runs low. Export a backup now and then to be safe.',
};

/** What the answer to "Keep my data" means; a refusal is explained, never just reported. */
export function persistenceRequestText(state: PersistenceState): string {
  if (state === 'persisted') return `Done. ${PERSISTENCE_TEXT.persisted}`;
  if (state === 'unsupported') return PERSISTENCE_TEXT.unsupported;
  return `The browser said no. ${PERSISTENCE_TEXT['not-persisted']} Chrome and Edge often agree once the app is installed or used regularly; you can ask again later.`;
}
