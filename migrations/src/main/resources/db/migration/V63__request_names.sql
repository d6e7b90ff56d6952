-- Managed requests carry the requester's and the host's display names (issue 17), so that the manager's card and the
-- requester's list name people instead of showing ids. The names come with the request.create command (the edge reads
-- them when the request is made) and are kept as they were then; requests made before are given today's names.
alter table requests add column requester_name text;
alter table requests add column host_name text;

update requests r
   set requester_name = (select u.display_name from users u where u.id = r.requester_id),
       host_name = (select u.display_name from users u where u.id = r.host_user_id);
