-- Block searches that stay flat as the store grows.
-- A range on the leading column of an index stops the columns after it from narrowing the search:
-- (cell_lat, cell_lon, week) read every week of a latitude band, and (cell_lat, cell_lon, last_day)
-- every claim of it, so a search grew with the store's years. The week (an IN list) and a claim's
-- last day now lead.
DROP INDEX event_blocks_cell;
CREATE INDEX event_blocks_week_cell ON event_blocks (week, cell_lat, cell_lon);
DROP INDEX claims_cell;
CREATE INDEX claims_last_cell ON claims (last_day, cell_lat, cell_lon);

-- Events are filed by sub-event type too (only compatible sub-types can link), so a block search
-- reads no event row and finds no incident that the type rule would turn down.
ALTER TABLE event_blocks ADD COLUMN sub_event_type TEXT;
UPDATE event_blocks SET sub_event_type = (
    SELECT e.sub_event_type FROM events e WHERE e.article_id = event_blocks.article_id AND e.n = event_blocks.n
);
