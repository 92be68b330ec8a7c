-- A delegate who lost the link to their page asks for a new one by e-mail address
-- (POST /delegate-link): their registrations are found by the address, in any case.
create index delegates_email_lower_idx on delegates (lower(email));
