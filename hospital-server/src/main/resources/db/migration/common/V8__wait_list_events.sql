-- The live wait list (SubscribeWaitList): every addition and removal of a wait-list entry, numbered by its own
-- counter so that the sequence is gap-free in commit order, as the schedule's is (see
-- docs/decisions/0302-schedule-event-sequence.md and 0310-live-wait-list.md).

-- The one counter behind wait_list_event.seq, incremented by the changing transaction as its last statement.
CREATE TABLE wait_list_sequence (
    id        INTEGER NOT NULL PRIMARY KEY,
    last_seq  BIGINT  NOT NULL,
    CONSTRAINT wait_list_sequence_single_row CHECK (id = 1)
);

INSERT INTO wait_list_sequence (id, last_seq) VALUES (1, 0);

-- Every change to an entry, with the entry's full state after it (the protobuf encoding of
-- hospital.scheduling.v1.WaitListEntry). clinician_id (NULL: the whole department) and department_id are
-- copies for filtering.
CREATE TABLE wait_list_event (
    seq             BIGINT      NOT NULL PRIMARY KEY,
    event_type      VARCHAR(40) NOT NULL,
    occurred_at     TIMESTAMP WITH TIME ZONE NOT NULL,
    entry_id        BIGINT      NOT NULL,
    clinician_id    BIGINT,
    department_id   BIGINT      NOT NULL,
    payload         BYTEA       NOT NULL
);

CREATE INDEX wait_list_event_by_time ON wait_list_event (occurred_at);
