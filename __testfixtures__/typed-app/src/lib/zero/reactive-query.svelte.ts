// The legacy classes (trimmed to what their callers see).
export class ReactiveQuery<T> {
  private state = $state({ data: [] as T[], isLoading: true, error: null as Error | null });
  constructor(private readonly getQueryBuilder: () => unknown, defaultValue: T[] = [], private readonly ttl = '1h') {
    this.state.data = defaultValue;
  }
  get data(): T[] { return this.state.data; }
  get current(): T[] { return this.state.data; }
  get isLoading(): boolean { return this.state.isLoading; }
  get loading(): boolean { return this.state.isLoading; }
  get error(): Error | null { return this.state.error; }
  subscribe(cb: (data: T[]) => void): () => void { cb(this.state.data); return () => {}; }
  refresh(): void {}
  destroy(): void {}
}

export class ReactiveQueryOne<T> {
  private state = $state({ data: null as T | null, isLoading: true, error: null as Error | null });
  constructor(private readonly getQueryBuilder: () => unknown, defaultValue: T | null = null, private readonly ttl = '1h') {
    this.state.data = defaultValue;
  }
  get data(): T | null { return this.state.data; }
  get current(): T | null { return this.state.data; }
  get isLoading(): boolean { return this.state.isLoading; }
  get error(): Error | null { return this.state.error; }
  refresh(): void {}
  destroy(): void {}
}
