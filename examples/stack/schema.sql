-- The example app's tables, shaped as a Rails app creates them (plural tables, text UUID keys,
-- `<model>_id` foreign keys, `created_at`/`updated_at` timestamps). The throwaway stack loads this.
CREATE TABLE clients (
  id          text PRIMARY KEY,
  name        text NOT NULL,
  email       text,
  created_at  timestamp(6) NOT NULL DEFAULT now(),
  updated_at  timestamp(6) NOT NULL DEFAULT now()
);

CREATE TABLE jobs (
  id          text PRIMARY KEY,
  title       text NOT NULL,
  status      text NOT NULL DEFAULT 'active',
  priority    integer,
  position    integer,
  client_id   text REFERENCES clients (id) ON DELETE SET NULL,
  owner_id    text,
  created_at  timestamp(6) NOT NULL DEFAULT now(),
  updated_at  timestamp(6) NOT NULL DEFAULT now()
);
CREATE INDEX index_jobs_on_client_id ON jobs (client_id);
CREATE INDEX index_jobs_on_status ON jobs (status);

CREATE TABLE tasks (
  id          text PRIMARY KEY,
  job_id      text NOT NULL REFERENCES jobs (id) ON DELETE CASCADE,
  title       text NOT NULL,
  done        boolean NOT NULL DEFAULT false,
  position    integer NOT NULL DEFAULT 0,
  created_at  timestamp(6) NOT NULL DEFAULT now(),
  updated_at  timestamp(6) NOT NULL DEFAULT now()
);
CREATE INDEX index_tasks_on_job_id ON tasks (job_id);
