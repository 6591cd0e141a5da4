/**
 * Prism (Ruby's own parser, as WASM) for Node: loads it once and turns literal Ruby nodes into
 * description values exactly as rails/lib/zero_record/describer.rb serialises the live objects.
 */
import {
  ArrayNode,
  AssocNode,
  CallNode,
  ConstantPathNode,
  ConstantReadNode,
  FalseNode,
  FloatNode,
  HashNode,
  IntegerNode,
  KeywordHashNode,
  LambdaNode,
  NilNode,
  RangeNode,
  RegularExpressionNode,
  StringNode,
  SymbolNode,
  TrueNode,
  ParenthesesNode,
  StatementsNode,
  type Node,
  type ProgramNode,
} from '@ruby/prism/src/nodes.js';
import type { loadPrism } from '@ruby/prism';
import type { RubyRange, RubyValue } from '../description.ts';
import { GeneratorInputError } from '../errors.ts';

type Parse = Awaited<ReturnType<typeof loadPrism>>;
let parser: Promise<Parse> | undefined;

/** A parsed Ruby file: its AST plus the helpers that need its bytes (Prism locations are byte offsets). */
export class RubySource {
  readonly program: ProgramNode;
  private readonly bytes: Buffer;
  private lineStarts: number[] | undefined;

  constructor(
    readonly file: string,
    text: string,
    parse: Parse,
  ) {
    const result = parse(text);
    if (result.errors.length > 0) {
      throw new GeneratorInputError(
        `Ruby syntax errors in ${file}`,
        result.errors.map((e) => `${e.message} (line ${this.lineOf(e.location.startOffset, Buffer.from(text))})`),
      );
    }
    this.program = result.value;
    this.bytes = Buffer.from(text);
  }

  /** The source text of a node. */
  text(node: { location: { startOffset: number; length: number } }): string {
    const { startOffset, length } = node.location;
    return this.bytes.subarray(startOffset, startOffset + length).toString('utf8');
  }

  /** 1-based line of a byte offset. */
  line(offset: number): number {
    return this.lineOf(offset, this.bytes);
  }

  private lineOf(offset: number, bytes: Buffer): number {
    if (!this.lineStarts) {
      this.lineStarts = [0];
      for (let i = 0; i < bytes.length; i++) if (bytes[i] === 0x0a) this.lineStarts.push(i + 1);
    }
    let line = 0;
    while (line + 1 < this.lineStarts.length && this.lineStarts[line + 1]! <= offset) line++;
    return line + 1;
  }
}

/** Parses Ruby source with Prism (the WASM module is compiled once per process). */
export async function parseRuby(file: string, text: string): Promise<RubySource> {
  parser ??= quietly(async () => (await import('@ruby/prism')).loadPrism());
  return new RubySource(file, text, await parser);
}

/** Node 20 warns that WASI is experimental when Prism's module loads; that warning means nothing to a generator user. */
async function quietly<T>(load: () => Promise<T>): Promise<T> {
  const emitWarning = process.emitWarning;
  process.emitWarning = ((warning: string | Error, ...rest: unknown[]) => {
    if (!String(warning instanceof Error ? warning.message : warning).includes('WASI')) {
      (emitWarning as (...args: unknown[]) => void).call(process, warning, ...rest);
    }
  }) as typeof process.emitWarning;
  try {
    return await load();
  } finally {
    process.emitWarning = emitWarning;
  }
}

/** Constants visible to a value (`STATUSES = %w[a b].freeze` in the class body). */
export type Constants = ReadonlyMap<string, RubyValue>;

/**
 * A literal Ruby node as a description value. Lambdas are `{ ruby: 'proc' }`; anything that is
 * not a literal (a method call, an unknown constant) is `{ ruby: 'expression' }`.
 */
export function rubyValue(node: Node | null, src: RubySource, constants: Constants = new Map()): RubyValue {
  if (node === null || node instanceof NilNode) return null;
  if (node instanceof TrueNode) return true;
  if (node instanceof FalseNode) return false;
  if (node instanceof SymbolNode || node instanceof StringNode) return node.unescaped.value;
  if (node instanceof IntegerNode || node instanceof FloatNode) return Number(node.value);
  if (node instanceof ArrayNode) return node.elements.map((e) => rubyValue(e, src, constants));
  if (node instanceof HashNode || node instanceof KeywordHashNode) return hashValue(node, src, constants);
  if (node instanceof RegularExpressionNode) {
    const flags = (node.isIgnoreCase() ? 'i' : '') + (node.isMultiLine() ? 'm' : '') + (node.isExtended() ? 'x' : '');
    return { regexp: src.text({ location: node.contentLoc }), flags };
  }
  if (node instanceof RangeNode) {
    return { range: [rubyValue(node.left, src, constants), rubyValue(node.right, src, constants)], exclude_end: node.isExcludeEnd() };
  }
  if (isBlockLiteral(node)) return { ruby: 'proc' };
  if (node instanceof ConstantReadNode || node instanceof ConstantPathNode) {
    const value = constants.get(src.text(node));
    return value === undefined ? { ruby: 'expression' } : value;
  }
  if (node instanceof CallNode && node.name === 'freeze' && node.receiver && !node.arguments_) {
    return rubyValue(node.receiver, src, constants);
  }
  if (node instanceof ParenthesesNode && node.body instanceof StatementsNode && node.body.body.length === 1) {
    return rubyValue(node.body.body[0]!, src, constants);
  }
  return { ruby: 'expression' };
}

function hashValue(node: HashNode | KeywordHashNode, src: RubySource, constants: Constants): RubyValue {
  const entries: Array<[string, RubyValue]> = [];
  for (const element of node.elements) {
    if (!(element instanceof AssocNode)) continue;
    const key = rubyValue(element.key, src, constants);
    if (typeof key === 'string' || typeof key === 'number') entries.push([String(key), rubyValue(element.value, src, constants)]);
  }
  // Ruby's describer sorts hash keys (byte order), so does this.
  entries.sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
  return Object.fromEntries(entries);
}

/** `-> { }`, `lambda { }`, `proc { }`. */
export function isBlockLiteral(node: Node): boolean {
  if (node instanceof LambdaNode) return true;
  return node instanceof CallNode && (node.name === 'lambda' || node.name === 'proc') && !node.receiver && node.block !== null;
}

/** Keyword arguments of a call as an ordered list of [key, node]. */
export function keywordArgs(call: CallNode): Array<[string, Node]> {
  const last = call.arguments_?.arguments_.at(-1);
  if (!(last instanceof KeywordHashNode || last instanceof HashNode)) return [];
  const pairs: Array<[string, Node]> = [];
  for (const element of last.elements) {
    if (element instanceof AssocNode && (element.key instanceof SymbolNode || element.key instanceof StringNode)) {
      pairs.push([element.key.unescaped.value, element.value]);
    }
  }
  return pairs;
}

/** Positional arguments of a call (the trailing keyword hash left out). */
export function positionalArgs(call: CallNode): Node[] {
  const args = call.arguments_?.arguments_ ?? [];
  return args.filter((a) => !(a instanceof KeywordHashNode));
}

/** `:name` / `"name"` -> `name`; anything else -> null. */
export function literalName(node: Node | undefined): string | null {
  return node instanceof SymbolNode || node instanceof StringNode ? node.unescaped.value : null;
}

/** A Ruby hash literal's value (not a regexp, a range or a value the describer could not express). */
export function isRubyHash(value: RubyValue | undefined): value is { [key: string]: RubyValue } {
  return typeof value === 'object' && value !== null && !Array.isArray(value) && !('regexp' in value) && !('range' in value) && !('ruby' in value);
}

/** A `{ range: [first, last], exclude_end }` value. */
export function isRubyRange(value: RubyValue | undefined): value is RubyRange {
  return typeof value === 'object' && value !== null && !Array.isArray(value) && Array.isArray((value as { range?: unknown }).range);
}
