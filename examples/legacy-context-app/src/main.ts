import { mount } from 'svelte';
import App from './App.svelte';
import { router } from '$lib/router.svelte';

router.goto(location.pathname);
mount(App, { target: document.getElementById('app')!, props: { userId: document.body.dataset.userId ?? 'anon' } });
