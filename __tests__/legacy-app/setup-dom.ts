// jsdom has no `matchMedia`; the app's header uses Svelte's `MediaQuery`, which needs it.
// A fixed "desktop" answer (nothing matches) keeps the header in its wide layout.
if (typeof window.matchMedia !== 'function') {
  window.matchMedia = (query: string): MediaQueryList => ({
    matches: false,
    media: query,
    onchange: null,
    addListener: () => {},
    removeListener: () => {},
    addEventListener: () => {},
    removeEventListener: () => {},
    dispatchEvent: () => false,
  });
}
