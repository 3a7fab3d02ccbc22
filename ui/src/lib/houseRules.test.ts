import { describe, expect, it } from 'vitest';
import { allowText, parseAllow, parseSettings, settingsText } from './houseRules';

describe('house rule settings as text', () => {
  it('reads and writes settings and allowed words', () => {
    const settings = parseSettings('Candor.Readability = off\n\nLanguage.SpellCheck: suggestion');
    expect(settings).toEqual({ rules: { 'Candor.Readability': 'off', 'Language.SpellCheck': 'suggestion' } });
    const allow = parseAllow('Candor.PersonName: Tessa Fenwick, Quill Lake');
    expect(allow).toEqual({ allow: { 'Candor.PersonName': ['Tessa Fenwick', 'Quill Lake'] } });
    expect(settingsText({ 'Candor.Readability': 'off' })).toBe('Candor.Readability = off');
    expect(allowText({ 'Candor.PersonName': ['Tessa Fenwick'] })).toBe('Candor.PersonName: Tessa Fenwick');
  });

  it('says which line it cannot read', () => {
    expect(parseSettings('Candor.Readability = loud')).toHaveProperty('error', expect.stringContaining('Line 1'));
    expect(parseAllow('\nno colon here')).toHaveProperty('error', expect.stringContaining('Line 2'));
  });
});
