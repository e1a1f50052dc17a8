// A whole batch of passages in ONE statement, one parameter: the batch as a JSON array.
//
//   input    the batch as rows (json_to_recordset), `ord` its position in the batch
//   stored   insert into access_event, ON CONFLICT DO NOTHING: repeats fall out here, and RETURNING
//            gives exactly the rows this statement stored
//   moved    per person, the latest granted passage among those just stored (time, then device
//            seq, then batch position), with the area it leads to
//   present  upsert into presence, only forward in time; rows in person order, so two batches
//            running at once take the presence row locks in the same order and cannot deadlock
//
// Data-modifying CTEs run once each, on one snapshot, in one implicit transaction: the events and
// the presence they cause are stored together or not at all. Bound through MikroORM's `?`.
export const STORE_EVENTS = `
with input as (
  select * from json_to_recordset(?::json) as t(
    ord int, occurred_at timestamptz, device_id text, device_seq bigint, passage_point_id uuid,
    direction text, person_id uuid, credential_kind text, credential_ref text, result text,
    reason text, decided_offline boolean, anti_passback_violation boolean)
),
stored as (
  insert into access_event (occurred_at, device_id, device_seq, passage_point_id, direction,
    person_id, credential_kind, credential_ref, result, reason, decided_offline, anti_passback_violation)
  select occurred_at, device_id, device_seq, passage_point_id, direction,
    person_id, credential_kind, credential_ref, result, reason, decided_offline, anti_passback_violation
    from input order by ord
  on conflict do nothing
  returning id, device_id, device_seq, occurred_at, received_at, passage_point_id, direction, person_id, result
),
moved as (
  select distinct on (s.person_id) s.person_id, s.occurred_at,
         case s.direction when 'IN' then p.to_area_id else p.from_area_id end as area_id
    from stored s
    join passage_point p on p.id = s.passage_point_id
    join input i on i.device_id = s.device_id and i.device_seq = s.device_seq
   where s.result = 'GRANTED' and s.person_id is not null and s.direction is not null
   order by s.person_id, s.occurred_at desc, s.device_seq desc, i.ord desc
),
present as (
  insert into presence (person_id, area_id, since, last_event_at)
  select person_id, area_id, occurred_at, occurred_at from moved order by person_id
  on conflict (person_id) do update
    set area_id = excluded.area_id, since = excluded.since, last_event_at = excluded.last_event_at
    where presence.last_event_at < excluded.last_event_at
)
select id, device_id, device_seq, received_at from stored`;
