-- Field-level security an admin sets (issue 10): per org and object, the fields hidden from every
-- answer. An object without a row keeps the defaults (SSN__c, Bank_Account__c, Salary__c hidden);
-- a row, even with an empty list, is the admin's choice and replaces them for that org and object.
-- hidden_fields holds lower-case API names separated by commas.
-- Portable SQL: the same file runs on H2 (MODE=PostgreSQL) and on PostgreSQL.
CREATE TABLE field_security (
    org_id        VARCHAR(40)   NOT NULL,
    object_name   VARCHAR(128)  NOT NULL,
    hidden_fields VARCHAR(8000) NOT NULL,
    updated_at    TIMESTAMP WITH TIME ZONE NOT NULL,
    CONSTRAINT field_security_pk PRIMARY KEY (org_id, object_name)
);
