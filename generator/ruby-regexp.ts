/**
 * Ruby regexp (as Rails' format validator holds it) -> JavaScript RegExp source and flags, or the reason it cannot be.
 */
import type { RubyRegexp } from './description.ts';

export type ConvertedRegexp = { ok: true; source: string; flags: string } | { ok: false; reason: string };

const ESCAPES: Record<string, string> = { A: '^', z: '$', Z: '(?=\\n?$)', h: '[0-9a-fA-F]', H: '[^0-9a-fA-F]' };

/** With JavaScript's m flag (needed for Ruby's ^ and $), \\A and \\z must not match at line breaks. */
const STRICT_ESCAPES: Record<string, string> = { ...ESCAPES, A: '(?<![\\s\\S])', z: '(?![\\s\\S])', Z: '(?=\\n?(?![\\s\\S]))' };

export function convertRubyRegexp(regexp: RubyRegexp): ConvertedRegexp {
  if (regexp.flags.includes('x')) return { ok: false, reason: 'extended (x) regexps have no JavaScript equivalent' };
  // A Unicode property (\p{L}) is one in JavaScript only with the u flag; without it \p is the letter p.
  const unicode = /\\[pP]\{/.test(regexp.regexp);
  const first = translate(regexp.regexp, ESCAPES, unicode);
  if (!first.ok) return first;
  const { source, lineAnchors } = first.lineAnchors ? translate(regexp.regexp, STRICT_ESCAPES, unicode) as Translated : first;
  // Ruby's ^ and $ always match at line breaks; Ruby's m flag is JavaScript's s (dot matches newline).
  const flags = (regexp.flags.includes('i') ? 'i' : '') + (lineAnchors ? 'm' : '') + (regexp.flags.includes('m') ? 's' : '') + (unicode ? 'u' : '');
  try {
    new RegExp(source, flags);
  } catch (error) {
    return { ok: false, reason: `not a valid JavaScript regexp (${(error as Error).message})` };
  }
  return { ok: true, source, flags };
}

type Translated = { ok: true; source: string; lineAnchors: boolean };

/** What JavaScript's u flag lets a backslash escape besides letters and digits (any other escape is a syntax error). */
const SYNTAX = '^$\\.*+?()[]{}|/';

function translate(src: string, escapes: Record<string, string>, unicode: boolean): Translated | { ok: false; reason: string } {
  let out = '';
  let inClass = 0;
  let lineAnchors = false;
  for (let i = 0; i < src.length; i++) {
    const c = src[i]!;
    if (c === '\\') {
      const next = src[i + 1] ?? '';
      i++;
      if (inClass === 0 && next in escapes) out += escapes[next];
      // Onigmo's \h in a class is the hex digits; JavaScript reads it as the letter h.
      else if (inClass > 0 && next === 'h') out += '0-9a-fA-F';
      else if (inClass > 0 && next === 'H') return { ok: false, reason: '\\H in a character class has no JavaScript equivalent' };
      else if (next === 'G' || next === 'K' || next === 'R' || next === 'X') return { ok: false, reason: `\\${next} has no JavaScript equivalent` };
      // A needless escape (\' \_ \#) is the character itself in Ruby, and a syntax error under JavaScript's u flag.
      else if (unicode && !/[A-Za-z0-9]/.test(next) && !SYNTAX.includes(next) && !(next === '-' && inClass > 0)) out += next;
      else out += `\\${next}`;
      continue;
    }
    if (c === '(' && src.startsWith('(?', i) && /^\(\?[imx-]+[):]/.test(src.slice(i))) {
      return { ok: false, reason: 'inline option groups like (?i) have no JavaScript equivalent' };
    }
    // JavaScript reads [[:alpha:]] as the class [[:alph] and a literal ], so it would refuse what Ruby accepts.
    if (c === '[' && src.startsWith('[:', i + 1) && /^\[:\^?[a-z]+:\]/.test(src.slice(i + 1))) {
      return { ok: false, reason: 'POSIX bracket expressions like [[:alpha:]] have no JavaScript equivalent' };
    }
    // Onigmo nests a class in a class ([a-z[0-9]]); JavaScript reads that [ as a literal.
    if (c === '[' && inClass > 0) return { ok: false, reason: 'nested character classes like [a-z[0-9]] have no JavaScript equivalent' };
    if (c === '[') inClass++;
    if (c === ']' && inClass > 0) inClass--;
    if (inClass === 0 && (c === '^' || c === '$')) lineAnchors = true;
    out += c;
  }
  return { ok: true, source: out, lineAnchors };
}
