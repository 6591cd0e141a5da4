/** @type {import('@sveltejs/kit').Config} */
const config = {
	kit: {
		// No adapter yet: the desk runs as `vite preview` on the front-desk PC.
		alias: {
			$zero: 'src/lib/zero',
			$desk: 'src/lib/desk'
		}
	}
};

export default config;
