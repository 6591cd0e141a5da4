// Tiny client-side router (the app is not on SvelteKit yet; the folders under src/routes follow its
// naming so the move is mechanical). `router.current` is the current location. It has NOTHING to do
// with Zero and must survive any query migration untouched.
export type RouteName = 'dashboard' | 'jobs' | 'job' | 'client' | 'debug' | 'not-found';

export interface Location {
  path: string;
  route: RouteName;
  params: Record<string, string>;
}

const TABLE: Array<[RegExp, RouteName, string[]]> = [
  [/^\/$/, 'dashboard', []],
  [/^\/jobs\/?$/, 'jobs', []],
  [/^\/jobs\/([^/]+)$/, 'job', ['id']],
  [/^\/clients\/([^/]+)$/, 'client', ['id']],
  [/^\/debug\/?$/, 'debug', []],
];

export function locate(path: string): Location {
  for (const [re, route, keys] of TABLE) {
    const m = re.exec(path);
    if (!m) continue;
    const params: Record<string, string> = {};
    keys.forEach((k, i) => (params[k] = decodeURIComponent(m[i + 1] ?? '')));
    return { path, route, params };
  }
  return { path, route: 'not-found', params: {} };
}

class Router {
  #location = $state<Location>(locate('/'));

  get current(): Location {
    return this.#location;
  }

  goto(path: string): void {
    this.#location = locate(path);
    if (typeof history !== 'undefined' && typeof location !== 'undefined' && location.pathname !== path) {
      history.pushState({}, '', path);
    }
  }
}

export const router = new Router();

/** `<a href="/jobs" use:link>`: client-side navigation without a page load. */
export function link(node: HTMLAnchorElement) {
  const onClick = (event: MouseEvent) => {
    if (event.metaKey || event.ctrlKey || event.button !== 0) return;
    event.preventDefault();
    router.goto(node.getAttribute('href') ?? '/');
  };
  node.addEventListener('click', onClick);
  return { destroy: () => node.removeEventListener('click', onClick) };
}
