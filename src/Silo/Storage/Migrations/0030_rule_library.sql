-- The rule library's history (规则库): every version seeded, drafted, published or retired, who, when and why. The
-- library as it stands is the fold of these rows in seq order; the trigger keeps the table append-only.
CREATE TABLE rule_history (
    seq       bigserial   PRIMARY KEY,
    rule_id   text        NOT NULL,
    version   integer     NOT NULL,
    action    text        NOT NULL CHECK (action IN ('seed', 'draft', 'publish', 'retire')),
    actor     text        NOT NULL,
    at        timestamptz NOT NULL,
    body      jsonb       NOT NULL
);

CREATE INDEX rule_history_rule ON rule_history (rule_id, version);

CREATE FUNCTION rule_history_append_only() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    RAISE EXCEPTION 'rule_history is append-only: % refused on rule %', TG_OP, OLD.rule_id;
END;
$$;

CREATE TRIGGER rule_history_append_only BEFORE UPDATE OR DELETE ON rule_history
    FOR EACH ROW EXECUTE FUNCTION rule_history_append_only();
