-- Background work (db-scheduler): one row per scheduled execution. Nodes claim due rows with
-- SELECT ... FOR UPDATE SKIP LOCKED, so each execution runs on one node even with several nodes on
-- one database, and a node that dies mid-run is detected by its stale heartbeat and its work picked
-- up again. Installation-wide plumbing with no client data in its columns (task data holds ids only),
-- so it carries no practice_id and is not fenced.
CREATE TABLE scheduled_tasks (
    task_name            text        NOT NULL,
    task_instance        text        NOT NULL,
    task_data            bytea,
    execution_time       timestamptz NOT NULL,
    picked               boolean     NOT NULL,
    picked_by            text,
    last_success         timestamptz,
    last_failure         timestamptz,
    consecutive_failures int,
    last_heartbeat       timestamptz,
    version              bigint      NOT NULL,
    priority             smallint,
    PRIMARY KEY (task_name, task_instance)
);
CREATE INDEX scheduled_tasks_execution_time_idx ON scheduled_tasks (execution_time);
CREATE INDEX scheduled_tasks_last_heartbeat_idx ON scheduled_tasks (last_heartbeat);
CREATE INDEX scheduled_tasks_priority_execution_time_idx ON scheduled_tasks (priority DESC, execution_time ASC);
