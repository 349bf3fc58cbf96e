// Neo4j: unique id per label (__LABEL__ from graph.model.LABELS); also the MERGE index.
CREATE CONSTRAINT __LABEL___id IF NOT EXISTS FOR (n:__LABEL__) REQUIRE n.id IS UNIQUE
