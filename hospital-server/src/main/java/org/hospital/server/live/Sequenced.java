package org.hospital.server.live;

/** An event with its place in a gap-free, commit-ordered sequence. */
public interface Sequenced {
  long sequence();
}
