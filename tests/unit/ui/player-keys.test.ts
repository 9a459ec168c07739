import { describe, expect, it } from 'vitest';
import { classifyFocus, commandFor } from '../../../src/ui/reader/player-keys';

describe('player keyboard shortcuts', () => {
  it('classifies where the focus is', () => {
    expect(classifyFocus(null)).toBe('page');
    expect(classifyFocus({ tagName: 'DIV' })).toBe('page');
    expect(classifyFocus({ tagName: 'LI', sentence: true })).toBe('sentence');
    expect(classifyFocus({ tagName: 'BUTTON' })).toBe('control');
    expect(classifyFocus({ tagName: 'INPUT', type: 'checkbox' })).toBe('control');
    expect(classifyFocus({ tagName: 'SELECT' })).toBe('control');
    expect(classifyFocus({ tagName: 'INPUT', type: 'text' })).toBe('text-entry');
    expect(classifyFocus({ tagName: 'INPUT', type: 'password' })).toBe('text-entry');
    expect(classifyFocus({ tagName: 'TEXTAREA' })).toBe('text-entry');
    expect(classifyFocus({ tagName: 'DIV', isContentEditable: true })).toBe('text-entry');
  });

  it('Space toggles only on the page or a sentence, never on a control or a field', () => {
    expect(commandFor({ key: ' ' }, 'page')).toBe('toggle');
    expect(commandFor({ key: ' ' }, 'sentence')).toBe('toggle');
    expect(commandFor({ key: ' ' }, 'control')).toBeNull();
    expect(commandFor({ key: ' ' }, 'text-entry')).toBeNull();
  });

  it('K, J and L work anywhere except in a text field, and never with modifiers', () => {
    expect(commandFor({ key: 'k' }, 'control')).toBe('toggle');
    expect(commandFor({ key: 'J' }, 'page')).toBe('previous');
    expect(commandFor({ key: 'l' }, 'sentence')).toBe('next');
    expect(commandFor({ key: 'k' }, 'text-entry')).toBeNull();
    expect(commandFor({ key: 'l', ctrlKey: true }, 'page')).toBeNull();
    expect(commandFor({ key: 'k', metaKey: true }, 'page')).toBeNull();
    expect(commandFor({ key: 'x' }, 'page')).toBeNull();
  });

  it('Enter plays from a focused sentence only', () => {
    expect(commandFor({ key: 'Enter' }, 'sentence')).toBe('play-here');
    expect(commandFor({ key: 'Enter' }, 'page')).toBeNull();
    expect(commandFor({ key: 'Enter' }, 'control')).toBeNull();
  });
});
