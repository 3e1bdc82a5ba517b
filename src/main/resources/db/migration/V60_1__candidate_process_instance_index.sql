-- Finding a case by its process instance (Cockpit's view of a case, the benchmark's and operators' queries
-- joining candidate with Camunda's job and task tables) must not scan every candidate of every district.
create index ix_candidate_process_instance on candidate (process_instance_id);
