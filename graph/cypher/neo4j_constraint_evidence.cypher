// Neo4j: unique Evidence key (start id | type | end id); also the index a relationship's evidence is found by.
CREATE CONSTRAINT Evidence_id IF NOT EXISTS FOR (n:Evidence) REQUIRE n.id IS UNIQUE
