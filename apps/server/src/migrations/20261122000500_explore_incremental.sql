-- Explore's similarity job became incremental: each run recomputes the neighbours of the posts liked
-- since the last run (a watermark over likes' time-sortable IDs) instead of rebuilding every pair.
create table explore_watermarks (
  name text primary key,
  value bigint not null
);
