// Minimal client-side router state (the app predates its SvelteKit move). `page.current` is the
// current location; it has nothing to do with Zero and must survive any query migration.
export interface PageLocation {
  path: string;
  params: Record<string, string>;
}

const ROUTES: ReadonlyArray<{ pattern: RegExp; keys: string[] }> = [
  { pattern: /^\/jobs\/([^/]+)$/, keys: ['id'] },
  { pattern: /^\/clients\/([^/]+)$/, keys: ['id'] },
];

function locate(path: string): PageLocation {
  for (const route of ROUTES) {
    const match = route.pattern.exec(path);
    if (match) {
      const params: Record<string, string> = {};
      route.keys.forEach((key, i) => {
        params[key] = decodeURIComponent(match[i + 1] ?? '');
      });
      return { path, params };
    }
  }
  return { path, params: {} };
}

class PageStore {
  #location = $state<PageLocation>(locate('/'));

  get current(): PageLocation {
    return this.#location;
  }

  goto(path: string): void {
    this.#location = locate(path);
  }
}

export const page = new PageStore();
