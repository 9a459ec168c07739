import { describe, expect, it } from 'vitest';
import { notificationTarget, storyNotificationPath } from '../../../src/domain/notification-url';

const ORIGIN = 'https://app.example';

describe('notificationTarget', () => {
  it('opens pages of this app, keeping query and hash', () => {
    const story = storyNotificationPath('9a3c6f15-d2e8-4b70-b51c-e84f2a6d0936');
    expect(notificationTarget(story, ORIGIN)).toBe(story);
    expect(notificationTarget('/queue?job=1#top', ORIGIN)).toBe('/queue?job=1#top');
    expect(notificationTarget(`${ORIGIN}/library`, ORIGIN)).toBe('/library');
    expect(notificationTarget('library', ORIGIN)).toBe('/library');
  });

  it.each([
    ['protocol-relative', '//evil.example/steal'],
    ['backslash', '/\\evil.example/steal'],
    ['tab inside the slashes', '/\t/evil.example/'],
    ['another origin', 'https://evil.example/story/1'],
    ['same host, other scheme', 'http://app.example/story/1'],
    ['same host, other port', 'https://app.example:8443/story/1'],
    ['javascript:', 'javascript:alert(1)'],
    ['data:', 'data:text/html,<script>alert(1)</script>'],
    ['blob:', `blob:${ORIGIN}/0b7e5d1c`],
    ['empty', ''],
  ])('sends %s to the home page', (_, raw) => {
    expect(notificationTarget(raw, ORIGIN)).toBe('/');
  });

  it('sends anything that is not a string home', () => {
    for (const raw of [undefined, null, 42, { url: '/story/1' }, ['/library']]) expect(notificationTarget(raw, ORIGIN)).toBe('/');
  });

  it('stays inside the worker scope when the app lives under a path', () => {
    const origin = 'https://host.example';
    expect(notificationTarget('/nm/story/1', origin, '/nm/')).toBe('/nm/story/1');
    expect(notificationTarget('/nm', origin, '/nm/')).toBe('/nm');
    expect(notificationTarget('/other-app/', origin, '/nm/')).toBe('/');
    expect(notificationTarget('/nm/../other-app/', origin, '/nm/')).toBe('/');
  });

  it('encodes the story id it is given', () => {
    expect(storyNotificationPath('a/../../x')).toBe('/story/a%2F..%2F..%2Fx');
  });
});
