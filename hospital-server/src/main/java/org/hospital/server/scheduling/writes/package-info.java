/**
 * How scheduling reaches its database: one write transaction (`ScheduleWriter`, whose `Tx` alone can record feed events and audit entries), reads on a connection of their own (`ScheduleReads`), and idempotency keys for the keyed writes (`IdempotentWrites`). See docs/decisions/0014-entities-and-plain-sql.md.
 */
package org.hospital.server.scheduling.writes;
