/** Owned text edits applied through one MagicString: nesting, dropped regions, conflicts, line-aware removal. */
import { describe, expect, it } from 'vitest';
import { applyEdits, EditConflictError, keep, replace, statementRange, survives } from '../../codemods/edits.ts';

describe('applyEdits', () => {
  const source = 'const q = wrap(a.current, b.current);';

  it('renders edits nested in a kept range and drops those inside replaced text', () => {
    const outer = replace(10, 36, 'next(', keep(15, 24), ')'); // keeps `a.current` only
    const innerKept = replace(15, 24, 'a');
    const innerDropped = replace(26, 35, 'b');
    expect(applyEdits(source, [innerDropped, outer, innerKept])).toBe('const q = next(a);');
    expect(survives(15, [outer, innerKept])).toBe(false);
    expect(survives(0, [outer])).toBe(true);
    expect(survives(16, [outer])).toBe(true);
  });

  it('throws a typed error on crossing edits', () => {
    expect(() => applyEdits(source, [replace(10, 20, 'x'), replace(15, 30, 'y')])).toThrow(EditConflictError);
  });

  it('removes whole lines for statements alone on them, exact ranges otherwise', () => {
    const text = 'a();\n  b();\nc(); d();\n';
    expect(statementRange(text, 7, 11)).toEqual({ start: 5, end: 12 });
    expect(statementRange(text, 17, 21)).toEqual({ start: 17, end: 21 });
  });

  it('takes a blank line before along when a blank line or </script> follows, so no double blank line is left', () => {
    const paragraph = 'a();\n\n  b();\n\nc();\n';
    const range = statementRange(paragraph, 8, 12);
    expect(paragraph.slice(0, range.start) + paragraph.slice(range.end)).toBe('a();\n\nc();\n');
    const script = '  a();\n\n  b();\n</script>\n';
    const last = statementRange(script, 10, 14);
    expect(script.slice(0, last.start) + script.slice(last.end)).toBe('  a();\n</script>\n');
  });
});
