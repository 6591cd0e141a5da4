// Setup file of every jsdom project: Testing Library's `findBy*` / `waitFor` give up after 1 s by default, which a
// loaded 2-core CI machine can exceed while Zero and Svelte settle. The deadline only bounds a hang; a timeout still
// names what was looked for (role, text, label).
import { configure } from '@testing-library/svelte';

configure({ asyncUtilTimeout: 15_000 });
