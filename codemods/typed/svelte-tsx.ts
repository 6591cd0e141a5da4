/**
 * A `.svelte` file as TypeScript, the way svelte-check sees it: svelte2tsx turns scripts and template into one
 * TS module (runes, `$:` statements, `{#each}` bindings, component props all typed), with a source map back to
 * the component. Positions the type query finds in that code come back to the component through the map.
 */
import { decode } from '@jridgewell/sourcemap-codec';
import { svelte2tsx } from 'svelte2tsx';
import { VERSION } from 'svelte/compiler';

export interface SvelteTsx {
  readonly code: string;
  /** `<script lang="ts">`: the output is TypeScript; else JavaScript, typed by its JSDoc (as svelte-check reads it). */
  readonly ts: boolean;
  /** Component offset of generated offset `pos`, or null for code svelte2tsx wrote itself. */
  readonly toComponent: (pos: number) => number | null;
}

function lineStarts(text: string): number[] {
  const starts = [0];
  for (let i = 0; i < text.length; i++) if (text.charCodeAt(i) === 10) starts.push(i + 1);
  return starts;
}

/** Converts one component; throws what svelte2tsx throws (a component the Svelte parser rejects). */
export function svelteToTsx(source: string, filename: string): SvelteTsx {
  const isTsFile = /<script[^>]*\blang=["']ts["']/.test(source);
  const out = svelte2tsx(source, { filename, isTsFile, mode: 'ts', version: VERSION });
  const generatedLines = lineStarts(out.code);
  const originalLines = lineStarts(source);
  const mappings = decode(out.map.mappings);
  const toComponent = (pos: number): number | null => {
    // The last line starting at or before `pos` (binary search: the type query maps every node it looks at).
    let line = 0;
    for (let high = generatedLines.length - 1; line < high; ) {
      const mid = (line + high + 1) >> 1;
      if (generatedLines[mid]! <= pos) line = mid;
      else high = mid - 1;
    }
    const column = pos - generatedLines[line]!;
    const segments = mappings[line] ?? [];
    // The last segment starting at or before the column covers it (svelte2tsx maps token by token).
    let best: (typeof segments)[number] | undefined;
    for (const segment of segments) {
      if (segment[0] > column) break;
      best = segment;
    }
    if (!best || best.length < 4) return null;
    const offset = (originalLines[best[2]!] ?? 0) + best[3]! + (column - best[0]);
    return offset <= source.length ? offset : null;
  };
  return { code: out.code, ts: isTsFile, toComponent };
}
