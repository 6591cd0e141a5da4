// Minimal hash router: #/, #/cases/:id, #/practices, #/practices/:id, #/technicians, #/debug

export type RouteName = 'board' | 'case' | 'practices' | 'technicians' | 'debug' | 'not-found';

export interface Route {
  name: RouteName;
  params: Record<string, string>;
  path: string;
}

const patterns: Array<[RegExp, RouteName, string[]]> = [
  [/^\/?$/, 'board', []],
  [/^\/cases\/([^/]+)$/, 'case', ['id']],
  [/^\/practices(?:\/([^/]+))?$/, 'practices', ['id']],
  [/^\/technicians$/, 'technicians', []],
  [/^\/debug$/, 'debug', []],
];

function parse(hash: string): Route {
  const path = decodeURIComponent(hash.replace(/^#/, '')) || '/';
  for (const [re, name, keys] of patterns) {
    const m = re.exec(path);
    if (!m) continue;
    const params: Record<string, string> = {};
    keys.forEach((k, i) => {
      if (m[i + 1] !== undefined) params[k] = m[i + 1];
    });
    return { name, params, path };
  }
  return { name: 'not-found', params: {}, path };
}

class HashRouter {
  current = $state<Route>(parse(typeof location === 'undefined' ? '' : location.hash));
  previous = $state<Route | null>(null);

  constructor() {
    if (typeof window === 'undefined') return;
    window.addEventListener('hashchange', () => {
      this.previous = this.current;
      this.current = parse(location.hash);
    });
  }

  href(path: string): string {
    return `#${path}`;
  }

  go(path: string): void {
    location.hash = path;
  }

  back(fallback = '/'): void {
    if (this.previous) history.back();
    else this.go(fallback);
  }
}

export const router = new HashRouter();
