-- What Guests may read (issue 10): the objects and fields an admin opened to guests. A Guest reads
-- nothing else, whatever the record. The default opens Account names only.
-- Portable SQL: the same file runs on H2 (MODE=PostgreSQL) and on PostgreSQL.
CREATE TABLE guest_fields (
    object_name VARCHAR(128) NOT NULL,
    field_name  VARCHAR(128) NOT NULL,
    CONSTRAINT guest_fields_pk PRIMARY KEY (object_name, field_name)
);

INSERT INTO guest_fields (object_name, field_name) VALUES ('account', 'id');
INSERT INTO guest_fields (object_name, field_name) VALUES ('account', 'name');
