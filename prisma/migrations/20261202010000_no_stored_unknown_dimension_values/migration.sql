-- Unknown dimension values are derived when read (human clicks minus the known
-- values) and have never been released as rows. Development databases from
-- before that may still hold some, under the value ''. They go, so no reader
-- has to skip them.
DELETE FROM "link_daily_dimensions" WHERE "value" = '';
DELETE FROM "account_daily_dimensions" WHERE "value" = '';
