// Predicates over the job rows a live view or subscriber delivers.
export interface JobLike {
  readonly id: string;
  readonly title: string;
}

/** The row `id` is there (with `title`, when given). */
export const has =
  (id: string, title?: string) =>
  (rows: readonly JobLike[]): boolean =>
    rows.some((r) => r.id === id && (title === undefined || r.title === title));

/** The row `id` is not there. */
export const lacks =
  (id: string) =>
  (rows: readonly JobLike[]): boolean =>
    !rows.some((r) => r.id === id);
