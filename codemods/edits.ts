/**
 * Text edits over one file, rendered in one pass over the source. An edit replaces `[start, end)` with a template of
 * literal strings and kept source ranges; edits nested inside a kept range are rendered into it, edits inside
 * dropped text vanish with it. That lets a transform rewrite `new ReactiveQuery(() => ...)` while another
 * rewrites a handle read inside one of its arguments, without either knowing about the other.
 */

/** A source range kept verbatim (after its own nested edits) inside a replacement. */
export interface Kept {
  readonly start: number;
  readonly end: number;
}

export type Part = string | Kept;

export interface Edit {
  readonly start: number;
  readonly end: number;
  readonly parts: readonly Part[];
}

/** Two edits that cross each other: a bug in a transform, never a property of the input. */
export class EditConflictError extends Error {
  constructor(a: Edit, b: Edit) {
    super(`overlapping edits [${a.start}, ${a.end}) and [${b.start}, ${b.end}): a transform produced crossing rewrites; report this file`);
    this.name = 'EditConflictError';
  }
}

export function replace(start: number, end: number, ...parts: Part[]): Edit {
  return { start, end, parts };
}

export function keep(start: number, end: number): Kept {
  return { start, end };
}

interface Node {
  edit: Edit;
  children: Node[];
}

/** Builds the containment forest; identical duplicates collapse, crossing edits throw. */
function forest(edits: readonly Edit[]): Node[] {
  const sorted = [...edits].sort((a, b) => a.start - b.start || b.end - a.end);
  const roots: Node[] = [];
  const stack: Node[] = [];
  for (const edit of sorted) {
    while (stack.length && stack[stack.length - 1]!.edit.end <= edit.start) stack.pop();
    const parent = stack[stack.length - 1];
    if (parent && edit.end > parent.edit.end) throw new EditConflictError(parent.edit, edit);
    if (parent && parent.edit.start === edit.start && parent.edit.end === edit.end && edit.start !== edit.end) {
      if (JSON.stringify(parent.edit.parts) === JSON.stringify(edit.parts)) continue;
      throw new EditConflictError(parent.edit, edit);
    }
    const node: Node = { edit, children: [] };
    (parent ? parent.children : roots).push(node);
    stack.push(node);
  }
  return roots;
}

/**
 * Where the output copies the source verbatim: `[start, end)` of the source appears at `at` in the output. The
 * completeness pass maps positions between a file and its planned output through these.
 */
export interface Span {
  readonly start: number;
  readonly end: number;
  readonly at: number;
}

interface Output {
  text: string;
  readonly spans: Span[];
}

function copy(out: Output, source: string, start: number, end: number): void {
  if (end <= start) return;
  out.spans.push({ start, end, at: out.text.length });
  out.text += source.slice(start, end);
}

function renderRange(out: Output, source: string, start: number, end: number, nodes: readonly Node[]): void {
  let at = start;
  for (const node of nodes) {
    if (node.edit.start < start || node.edit.end > end) continue;
    copy(out, source, at, node.edit.start);
    renderEdit(out, source, node);
    at = node.edit.end;
  }
  copy(out, source, at, end);
}

function renderEdit(out: Output, source: string, node: Node): void {
  for (const part of node.edit.parts) {
    if (typeof part === 'string') out.text += part;
    else renderRange(out, source, part.start, part.end, node.children);
  }
}

/** Applies every edit to `source`: the new text, and the source ranges it kept verbatim (in output order). */
export function applyEditsWithSpans(source: string, edits: readonly Edit[]): { text: string; spans: Span[] } {
  const out: Output = { text: '', spans: [] };
  renderRange(out, source, 0, source.length, forest(edits));
  return out;
}

/** Applies every edit to `source` and returns the new text. */
export function applyEdits(source: string, edits: readonly Edit[]): string {
  return applyEditsWithSpans(source, edits).text;
}

/** The output offset of source offset `pos`, or null when the edits replaced it. */
export function toOutput(spans: readonly Span[], pos: number): number | null {
  const span = spans.find((s) => pos >= s.start && pos < s.end);
  return span ? span.at + pos - span.start : null;
}

/** The source offset of output offset `pos`, or null when the edits wrote it. */
export function toSource(spans: readonly Span[], pos: number): number | null {
  const span = spans.find((s) => pos >= s.at && pos < s.at + s.end - s.start);
  return span ? span.start + pos - span.at : null;
}

/** Whether the source text at `pos` is still present after the edits (not inside replaced text). */
export function survives(pos: number, edits: readonly Edit[]): boolean {
  const inside = (nodes: readonly Node[], p: number): boolean => {
    for (const node of nodes) {
      if (p < node.edit.start || p >= node.edit.end) continue;
      const part = node.edit.parts.find((x): x is Kept => typeof x !== 'string' && p >= x.start && p < x.end);
      return part ? inside(node.children, p) : false;
    }
    return true;
  };
  return inside(forest(edits), pos);
}

/**
 * The range to delete for a statement at `[start, end)`: its whole line(s), newline included, when nothing else
 * shares them; otherwise exactly the statement.
 */
export function statementRange(source: string, start: number, end: number): { start: number; end: number } {
  const lineStart = source.lastIndexOf('\n', start - 1) + 1;
  const newline = source.indexOf('\n', end);
  const lineEnd = newline === -1 ? source.length : newline;
  if (source.slice(lineStart, start).trim() === '' && source.slice(end, lineEnd).trim() === '') {
    const after = newline === -1 ? lineEnd : newline + 1;
    // A blank line before, and a blank line, `</script>` or the end after: take the blank line too,
    // so removing the last statement of a paragraph leaves no double blank line behind.
    const previousStart = source.lastIndexOf('\n', lineStart - 2) + 1;
    const previousBlank = lineStart > 0 && source.slice(previousStart, lineStart).trim() === '';
    const nextNewline = source.indexOf('\n', after);
    const next = source.slice(after, nextNewline === -1 ? source.length : nextNewline).trim();
    if (previousBlank && (next === '' || next.startsWith('</script'))) return { start: previousStart, end: after };
    return { start: lineStart, end: after };
  }
  return { start, end };
}
