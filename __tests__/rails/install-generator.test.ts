// `rails g zero_record:install` in a real Rails 6.1 app: mounts the push endpoint's engine, writes its initializer and
// the zero-cache settings, and the mounted endpoint answers (the initializer's authenticate refuses a request with no
// session: 401, which zero-cache reports to the client as 'needs-auth').
import { cp, mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { fixtureApp } from '../generator/support.ts';
import { railsLib, requireRuby, run } from './ruby.ts';

let temp: string;
let app: string;
const env = () => ({ RUBYLIB: railsLib, RAILS_ENV: 'development' });

beforeAll(async () => {
  requireRuby(['rails', 'rails/generators', 'active_record/railtie', 'action_dispatch']);
  temp = await mkdtemp(join(tmpdir(), 'zero-record-install-'));
  app = join(temp, 'app');
  await cp(fixtureApp, app, { recursive: true });
});
afterAll(async () => {
  if (temp) await rm(temp, { recursive: true, force: true });
});

describe('rails g zero_record:install', () => {
  it('mounts the engine, writes the initializer and the zero-cache settings; the endpoint answers', async () => {
    const install = run('ruby', ['bin/rails', 'g', 'zero_record:install', '--app-url', 'https://app.example.com'], { cwd: app, env: env() });
    expect(install.status, install.stderr).toBe(0);
    expect(await readFile(join(app, 'config', 'routes.rb'), 'utf8')).toContain('mount ZeroRecord::Push::Engine => "/zero/push"');
    const settings = await readFile(join(app, 'config', 'zero-cache.env'), 'utf8');
    expect(settings).toContain('ZERO_MUTATE_URL=https://app.example.com/zero/push\n');
    expect(settings).toContain('ZERO_ENABLE_CRUD_MUTATIONS=false\n');
    expect(settings).toContain('ZERO_MUTATE_FORWARD_COOKIES=true\n');
    expect(await readFile(join(app, 'config', 'initializers', 'zero_record_push.rb'), 'utf8')).toContain('ZeroRecord::Push.configure do |c|');

    // Running it again changes nothing (the route is not mounted twice).
    const again = run('ruby', ['bin/rails', 'g', 'zero_record:install', '--app-url', 'https://app.example.com'], { cwd: app, env: env() });
    expect(again.status, again.stderr).toBe(0);
    expect((await readFile(join(app, 'config', 'routes.rb'), 'utf8')).match(/ZeroRecord::Push::Engine/g)).toHaveLength(1);

    const call = run(
      'ruby',
      [
        'bin/rails',
        'runner',
        `env = Rack::MockRequest.env_for("http://localhost/zero/push?schema=zero_0&appID=zero", method: "POST", input: "{}", "HTTP_HOST" => "localhost")
         status, _headers, body = Rails.application.call(env)
         puts status; body.each { |part| puts part }`,
      ],
      { cwd: app, env: env() },
    );
    expect(call.status, call.stderr).toBe(0);
    expect(call.stdout.trim().split('\n')).toEqual(['401', 'sign in first']);
  });
});
