/** Small AST questions the transforms ask (babel's node shapes, as jscodeshift's `ts`/`tsx` parsers produce them). */
import type { AstNode, Path } from './context.ts';

export function isMember(node: AstNode | null | undefined): node is AstNode & { object: AstNode; property: AstNode; computed: boolean; optional?: boolean } {
  return !!node && (node.type === 'MemberExpression' || node.type === 'OptionalMemberExpression');
}

export function isCall(node: AstNode | null | undefined): node is AstNode & { callee: AstNode; arguments: AstNode[] } {
  return !!node && (node.type === 'CallExpression' || node.type === 'OptionalCallExpression');
}

export function isIdentifier(node: AstNode | null | undefined, name?: string): node is AstNode & { name: string } {
  return !!node && node.type === 'Identifier' && (name === undefined || node['name'] === name);
}

/** `obj.name` (not computed) -> `name`, else null. */
export function memberName(node: AstNode): string | null {
  if (!isMember(node) || node.computed) return null;
  return isIdentifier(node.property) ? node.property.name : null;
}

export function isStringLiteral(node: AstNode | null | undefined): node is AstNode & { value: string } {
  return !!node && node.type === 'StringLiteral';
}

const FUNCTION_TYPES = new Set(['FunctionDeclaration', 'FunctionExpression', 'ArrowFunctionExpression', 'ObjectMethod', 'ClassMethod', 'ClassPrivateMethod']);

export function isFunction(node: AstNode | null | undefined): boolean {
  return !!node && FUNCTION_TYPES.has(node.type);
}

/** The nearest enclosing function of a path, or null at module level. */
export function enclosingFunction(path: Path): AstNode | null {
  for (let p = path.parent as Path | null; p; p = p.parent as Path | null) if (isFunction(p.node)) return p.node;
  return null;
}

/** Nodes under which an identifier names a type, not a value. */
const TYPE_CONTAINERS = new Set([
  'TSTypeAnnotation', 'TSTypeReference', 'TSTypeQuery', 'TSQualifiedName', 'TSTypeParameterInstantiation',
  'TSTypeParameterDeclaration', 'TSInterfaceDeclaration', 'TSTypeAliasDeclaration', 'TSExpressionWithTypeArguments',
  'TSInterfaceHeritage', 'TSImportType', 'TSClassImplements',
]);

export function inTypePosition(path: Path): boolean {
  for (let p = path.parent as Path | null; p; p = p.parent as Path | null) {
    if (TYPE_CONTAINERS.has(p.node.type)) return true;
    if (!p.node.type.startsWith('TS') && /Statement|Declaration$|Program/.test(p.node.type)) return false;
  }
  return false;
}

/**
 * Whether an Identifier path reads a binding (value or type), as opposed to naming a property, a key,
 * a label or the binding itself.
 */
export function isReference(path: Path): boolean {
  const node = path.node;
  const parent = path.parent?.node as AstNode | undefined;
  if (!parent) return true;
  const is = (key: string) => parent[key] === node;
  switch (parent.type) {
    case 'MemberExpression':
    case 'OptionalMemberExpression':
      return !is('property') || parent['computed'] === true;
    case 'ObjectProperty':
    case 'ClassProperty':
    case 'ClassAccessorProperty':
    case 'ObjectMethod':
    case 'ClassMethod':
    case 'TSPropertySignature':
    case 'TSMethodSignature':
      return !is('key') || parent['computed'] === true;
    case 'ClassPrivateProperty':
    case 'ClassPrivateMethod':
    case 'LabeledStatement':
    case 'BreakStatement':
    case 'ContinueStatement':
    case 'ImportSpecifier':
    case 'ImportDefaultSpecifier':
    case 'ImportNamespaceSpecifier':
    case 'TSEnumMember':
      return false;
    case 'VariableDeclarator':
      return !is('id');
    case 'ExportSpecifier':
      return is('local') && !(path.parent?.parent?.node as AstNode | undefined)?.['source'];
    case 'FunctionDeclaration':
    case 'FunctionExpression':
    case 'ArrowFunctionExpression':
    case 'ClassDeclaration':
    case 'ClassExpression':
      return !is('id') && !(parent['params'] as AstNode[] | undefined)?.includes(node);
    case 'CatchClause':
      return !is('param');
    case 'TSQualifiedName':
      return is('left');
    case 'TSInterfaceDeclaration':
    case 'TSTypeAliasDeclaration':
    case 'TSEnumDeclaration':
    case 'TSModuleDeclaration':
      return !is('id');
    default:
      return true;
  }
}

/** Names every binding pattern introduces (declarations, params, catch params), for the shadowing check. */
export function patternNames(node: AstNode | null | undefined, out: string[] = []): string[] {
  if (!node) return out;
  switch (node.type) {
    case 'Identifier':
      out.push(node['name'] as string);
      break;
    case 'ObjectPattern':
      for (const p of node['properties'] as AstNode[]) patternNames(p.type === 'RestElement' ? (p['argument'] as AstNode) : (p['value'] as AstNode), out);
      break;
    case 'ArrayPattern':
      for (const e of node['elements'] as (AstNode | null)[]) patternNames(e, out);
      break;
    case 'RestElement':
      patternNames(node['argument'] as AstNode, out);
      break;
    case 'AssignmentPattern':
      patternNames(node['left'] as AstNode, out);
      break;
    case 'TSParameterProperty':
      patternNames(node['parameter'] as AstNode, out);
      break;
  }
  return out;
}
