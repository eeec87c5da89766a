-- Prefix look-ups for typeahead (mention autocomplete, finding accounts) and suggestions.

-- searchAccounts: username prefix (text_pattern_ops makes LIKE 'abc%' an index range scan)
create index users_username_prefix on users (username text_pattern_ops);
-- searchAccounts: display-name prefix, case-insensitive
create index users_display_name_prefix on users (lower(display_name) text_pattern_ops);
-- searchHashtags: name prefix
create index hashtags_name_prefix on hashtags (name text_pattern_ops);
-- suggestedAccounts: the most followed accounts first
create index users_popular on users (follower_count desc, id desc);
