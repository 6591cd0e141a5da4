// Curtain-up countdown. Has `current` and `destroy()` like the live queries,
// but it is just a ticking clock and has nothing to do with Zero.
export class Countdown {
	#now = $state(Date.now());
	#timer: ReturnType<typeof setInterval>;
	readonly target: number;

	constructor(target: number) {
		this.target = target;
		this.#timer = setInterval(() => (this.#now = Date.now()), 1000);
	}

	/** Milliseconds left, clamped at zero. */
	get current(): number {
		return Math.max(0, this.target - this.#now);
	}

	get label(): string {
		const mins = Math.floor(this.current / 60000);
		if (mins >= 120) return `${Math.floor(mins / 60)}h`;
		return mins > 0 ? `${mins}m` : 'Curtain up';
	}

	destroy(): void {
		clearInterval(this.#timer);
	}
}
