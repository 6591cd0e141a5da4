// The e2e tier's global setup: fail at once without Chromium, then build and serve the example app once for every file.
import type { TestProject } from 'vitest/node';
import { requireChromium } from './support/chromium.ts';
import { buildAndServeApp } from './support/serve-app.ts';

declare module 'vitest' {
  export interface ProvidedContext {
    appUrl: string;
  }
}

export default async function setup(project: TestProject): Promise<() => Promise<void>> {
  console.log(`e2e: Chromium at ${requireChromium()}`);
  const app = await buildAndServeApp();
  project.provide('appUrl', app.url);
  return () => app.close();
}
