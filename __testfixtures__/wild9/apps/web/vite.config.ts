import { sveltekit } from '@sveltejs/kit/vite';
import { defineConfig } from 'vitest/config';

export default defineConfig({
	plugins: [sveltekit()],
	// @tiller/data ships .svelte.ts sources (runes), so it has to go through the Svelte plugin
	// instead of being pre-bundled or externalised.
	optimizeDeps: { exclude: ['@tiller/data'] },
	ssr: { noExternal: ['@tiller/data'] },
	server: { fs: { allow: ['../../packages'] } },
	test: {
		include: ['src/**/*.spec.ts'],
		environment: 'node'
	}
});
