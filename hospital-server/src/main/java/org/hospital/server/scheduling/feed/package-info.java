/**
 * The schedule's live feed: the event an appointment change becomes, its filter, and the snapshot a subscriber starts from (docs/decisions/0313-one-live-feed.md).
 */
package org.hospital.server.scheduling.feed;
