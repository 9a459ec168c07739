import { html, type TemplateResult } from 'lit';
import type { CardFacts } from '../db/card-facts';
import { readingState, SOURCE_LABELS } from '../domain/reading-state';
import type { StorySummary } from '../domain/summary';
import { coverageText } from '../domain/words-comfort';

/**
 * One story in a list: title, level, reading time, where it came from,
 * whether it has narration or pictures, how much of it the learner knows ("12 new words · 94 %
 * known", on a line kept for it so the card does not grow when the figure arrives after the first
 * paint), the reading progress as a labelled bar, a "Read" mark once
 * finished, and one action named for where the learner stands: Read, Continue or Read again.
 * That action is the card's only link; it stretches over the whole card, so a press anywhere opens
 * the story while a screen reader hears one link per story, not two.
 */
export function storyCard(s: StorySummary, facts?: CardFacts): TemplateResult {
  const state = readingState(facts?.progress.get(s.id));
  const narrated = facts?.narrated.has(s.id) ?? false;
  const illustrated = facts?.illustrated.has(s.id) ?? false;
  const coverage = facts?.coverage.get(s.id);
  const barId = `bar-${s.id}`;
  return html`<li class="card story" data-story-id=${s.id} data-finished=${state.finished ? 'true' : 'false'}>
    <div class="title">
      <span class="jp" lang="ja">${s.titleJP}</span>
      ${s.titleEN ? html`<span class="en">${s.titleEN}</span>` : null}
    </div>
    <div class="meta">
      <span class="level">${s.level}</span>
      <span class="muted">${s.readTime} min read</span>
      ${state.finished ? html`<span class="badge done">✓ Read</span>` : null}
      <span class="badge source" data-source=${s.source}>${SOURCE_LABELS[s.source]}</span>
      ${narrated ? html`<span class="badge">Narrated</span>` : null}
      ${illustrated ? html`<span class="badge">Pictures</span>` : null}
    </div>
    <p class="coverage muted">${coverage ? coverageText(coverage) : null}</p>
    ${s.excerpt ? html`<p class="excerpt jp muted" lang="ja">${s.excerpt}</p>` : null}
    <div class="progress">
      <progress id=${barId} max="100" .value=${state.percent}
        aria-label="Reading progress of ${s.titleJP}" aria-valuetext="${state.percent}% read"></progress>
      <span class="muted" aria-hidden="true">${state.percent}%</span>
    </div>
    <a class="button action ${state.finished ? '' : 'primary'}" href="/story/${s.id}"
      aria-label="${state.action} ${s.titleJP}">${state.action}</a>
  </li>`;
}

export const storyCardStyles = `
  ul.stories { list-style: none; padding: 0; margin: 0; display: grid; gap: 0.75rem; grid-template-columns: repeat(auto-fill, minmax(16rem, 1fr)); }
  ul.stories.list { grid-template-columns: 1fr; gap: 0.5rem; }
  li.story { display: flex; flex-direction: column; gap: 0.35rem; min-width: 0; position: relative; }
  li.story:hover { border-color: var(--nm-accent); }
  li.story:focus-within { outline: 3px solid var(--nm-focus); outline-offset: 2px; }
  li.story .action::after { content: ''; position: absolute; inset: 0; border-radius: inherit; }
  li.story .title { display: flex; flex-direction: column; color: var(--nm-text); font-weight: 700; min-height: 44px; justify-content: center; overflow-wrap: anywhere; }
  li.story .title .jp { font-size: 1.15rem; }
  li.story .title .en { font-weight: 400; color: var(--nm-muted); }
  li.story .meta { display: flex; flex-wrap: wrap; gap: 0.3rem 0.5rem; align-items: center; font-size: 0.9rem; }
  li.story .badge { font-size: 0.8rem; padding: 0.05rem 0.45rem; border-radius: 0.3rem; background: var(--nm-bg); border: 1px solid var(--nm-border); }
  li.story .badge.done { color: var(--nm-ok); border-color: currentColor; font-weight: 700; }
  li.story .coverage { margin: 0; font-size: 0.85rem; min-height: 1.3em; line-height: 1.3; white-space: nowrap; overflow: hidden; text-overflow: ellipsis; }
  li.story .excerpt { margin: 0; overflow: hidden; display: -webkit-box; -webkit-line-clamp: 2; -webkit-box-orient: vertical; }
  li.story .progress { display: flex; align-items: center; gap: 0.5rem; font-size: 0.85rem; }
  li.story progress { flex: 1; min-width: 0; accent-color: var(--nm-accent); }
  li.story .action { align-self: flex-start; margin-top: auto; }
  ul.list li.story { display: grid; grid-template-columns: minmax(0, 1fr) auto; column-gap: 1rem; row-gap: 0.25rem; padding: 0.6rem 0.9rem; }
  ul.list li.story > * { grid-column: 1; }
  ul.list li.story .excerpt { display: none; }
  ul.list li.story .action { grid-column: 2; grid-row: 1 / span 3; align-self: center; margin: 0; }
`;
