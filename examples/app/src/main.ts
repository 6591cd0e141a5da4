// Browser entry: start Zero (local and seeded, or synced with a zero-cache), then mount the app.
import { mount } from 'svelte';
import App from './App.svelte';
import { seedSampleData } from './lib/seed.ts';
import { serverFromLocation, startZero } from './lib/zero.ts';

const server = serverFromLocation(window.location, import.meta.env.VITE_ZERO_SERVER);
startZero(server);
// A local Zero has nothing until the app writes it; a server has whatever PostgreSQL holds.
if (!server) await seedSampleData();

const target = document.getElementById('app');
if (!target) throw new Error('Missing #app element: add <div id="app"></div> to index.html');
export default mount(App, { target, props: { server } });
