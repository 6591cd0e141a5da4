// The app's Zero client (a stand-in: the queries here are never run).
export function getZero(): { query: any } | null {
  return null;
}
