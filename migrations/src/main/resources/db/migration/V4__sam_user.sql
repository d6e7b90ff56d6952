-- Sam, the concierge (SystemActors.SAM), is a member of each user's Sam conversation: its users row gives
-- conversation JSON Sam's name. No credentials row, so no password can ever sign in as Sam; the address is under
-- the reserved .invalid TLD, so no mail can reach it either.
insert into users (id, email, display_name, roles, bio)
values ('00000000-0000-0000-0000-000000000002', 'sam@humanchat.invalid', 'Sam', '{sam}',
        'HumanChat''s concierge: finds hosts and proposes bookings you confirm.')
on conflict (id) do nothing;
