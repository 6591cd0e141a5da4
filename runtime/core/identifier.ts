/** An ASCII JavaScript identifier: the names the runtime accepts for classes, scopes, enum methods and mappings. */
export function isIdentifier(name: string): boolean {
  return /^[A-Za-z_$][\w$]*$/.test(name);
}
