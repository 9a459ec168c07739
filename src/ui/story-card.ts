import { html, type TemplateResult } from 'lit';
import type { StorySummary } from '../domain/summary';

/** One story in a list: a link to the Reader with title, level, reading time and excerpt. */
export function storyCard(s: StorySummary, extra?: TemplateResult): TemplateResult {
  return html`<li class="card story">
    <a class="title" href="/story/${s.id}">
      <span class="jp" lang="ja">${s.titleJP}</span>
      ${s.titleEN ? html`<span class="en">${s.titleEN}</span>` : null}
    </a>
    <div class="meta"><span class="level">${s.level}</span> <span class="muted">${s.readTime} min read</span></div>
    ${s.excerpt ? html`<p class="excerpt jp muted" lang="ja">${s.excerpt}</p>` : null}
    ${extra ?? null}
  </li>`;
}

export const storyCardStyles = `
  ul.stories { list-style: none; padding: 0; margin: 0; display: grid; gap: 0.75rem; grid-template-columns: repeat(auto-fill, minmax(16rem, 1fr)); }
  li.story { display: flex; flex-direction: column; gap: 0.35rem; }
  li.story .title { display: flex; flex-direction: column; text-decoration: none; color: var(--nm-text); font-weight: 700; min-height: 44px; justify-content: center; }
  li.story .title .jp { font-size: 1.15rem; }
  li.story .title .en { font-weight: 400; color: var(--nm-muted); }
  li.story .excerpt { margin: 0; overflow: hidden; display: -webkit-box; -webkit-line-clamp: 2; -webkit-box-orient: vertical; }
`;
