/** The baseline an app writes by hand: one `$state` field per column (compiled in client mode: real signals). */
export class StateJob {
  id = $state<unknown>(null);
  title = $state<unknown>(null);
  status = $state<unknown>(null);
  country = $state<unknown>(null);
  priority = $state<unknown>(null);
  client_id = $state<unknown>(null);
  created_at = $state<unknown>(null);
  selected = $state(false);

  constructor(row: Readonly<Record<string, unknown>>) {
    this.id = row.id;
    this.title = row.title;
    this.status = row.status;
    this.country = row.country;
    this.priority = row.priority;
    this.client_id = row.client_id;
    this.created_at = row.created_at;
  }
}
