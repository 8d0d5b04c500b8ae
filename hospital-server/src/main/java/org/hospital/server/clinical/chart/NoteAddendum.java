package org.hospital.server.clinical.chart;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.SequenceGenerator;
import jakarta.persistence.Table;
import java.time.Instant;
import java.time.OffsetDateTime;
import org.hospital.server.persistence.DbTime;

/** A correction or addition to a signed note, with who wrote it and when; never changed or removed. */
@Entity
@Table(name = "note_addendum")
public class NoteAddendum {

  @Id
  @SequenceGenerator(name = "chart_id", sequenceName = "chart_id_seq", allocationSize = 50)
  @GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "chart_id")
  private long id;

  @Column(name = "note_id", nullable = false, updatable = false) private long noteId;
  @Column(name = "text", nullable = false, updatable = false) private String text;
  @Column(name = "author_id", nullable = false, updatable = false) private long authorId;
  @Column(name = "author_name", nullable = false, updatable = false) private String authorName;
  @Column(name = "added_at", nullable = false, updatable = false) private OffsetDateTime addedAt;

  protected NoteAddendum() {}

  NoteAddendum(long noteId, String text, long authorId, String authorName, Instant at) {
    this.noteId = noteId;
    this.text = text;
    this.authorId = authorId;
    this.authorName = authorName;
    this.addedAt = DbTime.toDb(at);
  }

  public long id() { return id; }
  public long noteId() { return noteId; }
  public String text() { return text; }
  public String authorName() { return authorName; }
  public Instant addedAt() { return addedAt.toInstant(); }
}
