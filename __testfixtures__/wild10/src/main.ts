import { mount } from 'svelte';
import App from './App.svelte';
import { initZero, Case, Technician } from '#data';

const userID = localStorage.getItem('crownworks:user') ?? 'front-desk';

initZero({
  userID,
  server: import.meta.env.VITE_ZERO_SERVER ?? 'http://localhost:4848',
  auth: localStorage.getItem('crownworks:token') ?? undefined,
});

if (import.meta.env.DEV) {
  // poke at data from the devtools console: `lab.Case.find('...').current`
  Object.assign(window, { lab: { Case, Technician } });
}

const app = mount(App, { target: document.getElementById('app')! });

export default app;
