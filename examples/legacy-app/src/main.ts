// Browser entry: start Zero for the signed-in user, then mount the app.
import { mount } from 'svelte';
import App from './App.svelte';
import { initZero } from '$lib/zero';

const session = document.querySelector<HTMLMetaElement>('meta[name="zero-session"]');
initZero({ userID: session?.dataset.userId ?? 'anon', auth: session?.dataset.token ?? '' });

const target = document.getElementById('app');
if (!target) throw new Error('Missing #app element: add <div id="app"></div> to the Rails layout');
export default mount(App, { target });
