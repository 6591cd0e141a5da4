// Global setup of the integration tier: no PostgreSQL means a failed run with a clear message,
// never a skipped tier.
import { findPostgres } from '../../scripts/stack/postgres-install.ts';

export default function requirePostgres(): void {
  const { binDir, major } = findPostgres();
  console.log(`integration: PostgreSQL ${major} from ${binDir}`);
}
