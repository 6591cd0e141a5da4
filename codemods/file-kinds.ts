/** Which files the migration reads, and which flavour each gets (kept light: the CLI loads it before the planner). */
import type { Flavour } from './config.ts';

export const MIGRATABLE = /\.(svelte|ts|tsx|js|jsx|mts|mjs)$/;

/** Svelte components and `.svelte.ts` modules get the runes flavour; every other script the plain one. */
export function flavourOf(path: string): Flavour {
  return /\.svelte(\.(ts|js))?$/.test(path) ? 'reactive' : 'active';
}
