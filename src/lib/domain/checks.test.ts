import { describe, expect, it } from 'vitest';
import { codeHints } from './checks.ts';

describe('hints for a code that is not found', () => {
  const hint = codeHints(['109', '03550', '03550-01', 'KT-2023-001']);
  it('says when Excel dropped the leading zero, in either file, and how to keep it', () => {
    expect(hint('3550-01')).toContain('"03550-01"');
    expect(hint('3550')).toContain('Văn bản (Text)');
    expect(codeHints(['3550'])('03550')).toContain('mất số 0');
  });
  it('points to a code that differs only in case or punctuation', () => {
    expect(hint('kt.2023.001')).toContain('"KT-2023-001"');
  });
  it('says nothing when no code is close', () => {
    expect(hint('99999')).toBe('');
  });
});
