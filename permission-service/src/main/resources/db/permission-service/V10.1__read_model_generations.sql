-- Which generation of the read model answers checks, and which one a rebuild is building: the one table of the
-- permission-service that is not rebuilt. Each generation's own schema (rm_<n>: the read model, its applied events
-- and positions) is rebuilt from the topics, so the generation creates it itself (ReadModel). As the versions before
-- Flyway created it at start; runs on a database that holds it already (baselined at 0).
CREATE TABLE IF NOT EXISTS read_model_generations (
    generation int PRIMARY KEY, state text NOT NULL, created_at timestamptz NOT NULL DEFAULT now(),
    live_since timestamptz);
CREATE UNIQUE INDEX IF NOT EXISTS one_live_generation ON read_model_generations (state) WHERE state = 'LIVE';
CREATE UNIQUE INDEX IF NOT EXISTS one_building_generation ON read_model_generations (state) WHERE state = 'BUILDING';
-- a database read by no generation yet starts with generation 1, live
INSERT INTO read_model_generations (generation, state, live_since)
SELECT 1, 'LIVE', now() WHERE NOT EXISTS (SELECT 1 FROM read_model_generations);
