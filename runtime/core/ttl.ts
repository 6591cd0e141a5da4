/**
 * TTL normalisation, in one place. Every TTL that reaches Zero passes through `normalizeTtl`, so a wrongly shaped value
 * (the legacy `ttl.slice is not a function` class of bug) fails here, named, before Zero sees it.
 */
import type { TTL } from '@rocicorp/zero';
import { TtlError } from './errors.ts';
import { warnOnce } from './warn.ts';

/** What the runtime accepts: `'30s' | '5m' | '2h' | '1d'`, `'forever'`, `'none'`, or milliseconds. */
export type TtlInput = `${number}${'s' | 'm' | 'h' | 'd'}` | 'forever' | 'none' | number;

/** Zero clamps every TTL to 10 minutes (its MAX_TTL). */
export const ZERO_MAX_TTL_MS = 10 * 60 * 1000;
/** The TTL of a model that sets none (the codemods drop a legacy TTL equal to it). */
export const DEFAULT_TTL = '5m' satisfies TtlInput;

const UNIT_MS = { s: 1000, m: 60_000, h: 3_600_000, d: 86_400_000 } as const;
const DURATION = /^(\d+(?:\.\d+)?)(s|m|h|d)$/;

/** Milliseconds for a valid TTL (`Infinity` for 'forever', 0 for 'none'); throws `TtlError` for anything else. */
export function ttlToMs(value: unknown): number {
  if (typeof value === 'number') {
    if (Number.isFinite(value) && value >= 0) return value;
    throw new TtlError(value);
  }
  if (value === 'forever') return Infinity;
  if (value === 'none') return 0;
  if (typeof value === 'string') {
    const match = DURATION.exec(value);
    if (match) return Number(match[1]) * UNIT_MS[match[2] as keyof typeof UNIT_MS];
  }
  throw new TtlError(value);
}

/** Whether `value` is a TTL the runtime accepts (the grammar of `ttlToMs`, without throwing). */
export function isTtl(value: unknown): value is TtlInput {
  try {
    ttlToMs(value);
    return true;
  } catch {
    return false;
  }
}

/**
 * Validates a TTL and returns it in the shape Zero takes. Values above Zero's 10-minute clamp are passed on
 * (Zero clamps them) with a one-time warning, so the app learns its '1h' means 10 minutes.
 */
export function normalizeTtl(value: unknown): TTL {
  const ms = ttlToMs(value);
  if (ms > ZERO_MAX_TTL_MS) {
    warnOnce(
      `ttl-clamp:${String(value)}`,
      `zero-record: TTL ${JSON.stringify(value)} is above Zero's 10-minute maximum; Zero keeps the query for 10 minutes.`,
    );
  }
  return value as TTL;
}
