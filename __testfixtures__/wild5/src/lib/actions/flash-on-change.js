// use:flashOnChange={someQuery}: briefly highlights the element whenever the
// live query it watches delivers new rows (new orders arriving, etc).

/**
 * @param {HTMLElement} node
 * @param {import('$lib/zero').ReactiveQuery<any>} query
 */
export function flashOnChange(node, query) {
	let timer = 0;
	let primed = false;

	/** @param {import('$lib/zero').ReactiveQuery<any>} q */
	function watch(q) {
		primed = false;
		return q.subscribe((_rows, { isLoading }) => {
			if (isLoading) return;
			if (!primed) {
				primed = true;
				return;
			}
			node.classList.add('flash');
			clearTimeout(timer);
			timer = window.setTimeout(() => node.classList.remove('flash'), 700);
		});
	}

	let stop = watch(query);

	return {
		/** @param {import('$lib/zero').ReactiveQuery<any>} next */
		update(next) {
			stop();
			stop = watch(next);
		},
		destroy() {
			stop();
			clearTimeout(timer);
		}
	};
}
