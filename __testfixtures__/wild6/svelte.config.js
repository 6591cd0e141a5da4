import { vitePreprocess } from '@sveltejs/vite-plugin-svelte';

/** @type {import('@sveltejs/kit').Config} */
const config = {
	preprocess: vitePreprocess(),
	kit: {
		// deployed behind the ops VPN as a static SPA; adapter is picked by the deploy image
		alias: {
			$zero: 'src/lib/zero'
		}
	}
};

export default config;
