/**
 * The one way a component announces something to its host (shoelace's `emit()`): every app event
 * bubbles and crosses shadow roots (`composed`), so a page hears a component nested in another
 * component's shadow DOM; and the name and detail are checked against `HTMLElementEventMap`, so a
 * misspelt event name or a detail of the wrong shape fails the type check instead of going unheard.
 *
 * Each component declares its events next to its class:
 * ```ts
 * declare global { interface HTMLElementEventMap { 'nm-quiz-answer': CustomEvent<{ index: number; option: number }> } }
 * ```
 * and lists them with `@fires` in its JSDoc header.
 */

/** Every app event: the `nm-` names components have declared in `HTMLElementEventMap`. */
export type NmEventName = Extract<keyof HTMLElementEventMap, `nm-${string}`>;

/** The detail an app event carries (`undefined` for an event that carries none). */
export type NmEventDetail<K extends NmEventName> = HTMLElementEventMap[K] extends CustomEvent<infer D> ? D : never;

/** Dispatches `name` from `target` with `detail` (left out for events that carry none). */
export function emit<K extends NmEventName>(
  target: EventTarget,
  name: K,
  ...[detail]: NmEventDetail<K> extends undefined ? [] : [detail: NmEventDetail<K>]
): CustomEvent<NmEventDetail<K>> {
  const event = new CustomEvent<NmEventDetail<K>>(name, {
    detail: detail as NmEventDetail<K>,
    bubbles: true,
    composed: true,
  });
  target.dispatchEvent(event);
  return event;
}
