import { type SupabaseClient, type SupabaseClientOptions, type WebSocketLikeConstructor, createClient } from '@supabase/supabase-js';
import type { SupabaseFront } from './front';

/**
 * supabase-js clients for Node-side tests against the front.
 *
 * supabase-js 2.109 builds its realtime client inside createClient, and on Node 20 (no global
 * WebSocket) that throws "Node.js 20 detected without native WebSocket support" unless a transport is
 * given. Browsers and service workers have WebSocket, so only Node needs this; the sync never
 * subscribes to realtime, so a transport that refuses to connect is enough and installs nothing.
 */
export const NO_REALTIME_TRANSPORT = class {
  constructor() {
    throw new Error('realtime is not part of the Supabase test double');
  }
} as unknown as WebSocketLikeConstructor;

export type TestClientOptions = SupabaseClientOptions<'public'>;

/**
 * A client as a test needs it: no session persistence (nothing shared between clients), no
 * background refresh timers (a test decides when to refresh), and the realtime stub above.
 * `options` override these per key, e.g. `{ auth: { storage } }` for a persisted session.
 */
export function createTestClient(front: Pick<SupabaseFront, 'url' | 'anonKey'>, options: TestClientOptions = {}): SupabaseClient {
  return createClient(front.url, front.anonKey, {
    ...options,
    auth: { persistSession: false, autoRefreshToken: false, detectSessionInUrl: false, ...options.auth },
    realtime: { transport: NO_REALTIME_TRANSPORT, ...options.realtime },
  });
}

/**
 * Signs a new user up through the front (confirmation off) and returns the signed-in client and
 * the user id: the usual first step of a sync test.
 */
export async function signedUpClient(
  front: Pick<SupabaseFront, 'url' | 'anonKey'>,
  email: string,
  password = 'correct horse battery',
): Promise<{ client: SupabaseClient; userId: string }> {
  const client = createTestClient(front);
  const { data, error } = await client.auth.signUp({ email, password });
  if (error || !data.user || !data.session) {
    throw new Error(`sign-up of ${email} failed: ${error?.message ?? 'no session (is email confirmation on?)'}`);
  }
  return { client, userId: data.user.id };
}
