package org.hospital.client.shell;

import java.time.Duration;
import java.util.List;
import java.util.function.LongSupplier;
import java.util.stream.Collectors;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleObjectProperty;
import org.hospital.client.connection.ConnectionState;
import org.hospital.client.errors.ErrorMessages;
import org.hospital.client.errors.RpcFailure;
import org.hospital.client.i18n.I18n;
import org.hospital.client.session.AuthGateway;
import org.hospital.client.session.Session;
import org.hospital.client.tasks.TaskRunner;
import org.hospital.client.tasks.UiScheduler;

/**
 * The signed-in workspace: who is signed in, which areas they may open, the connection state, signing out
 * and locking the screen when the user is away or the server has ended the session.
 */
public final class WorkspaceViewModel {

  private final ObjectProperty<Session> session;
  private final List<WorkspaceArea> areas;
  private final ObjectProperty<WorkspaceArea> selectedArea = new SimpleObjectProperty<>();
  private final BooleanProperty locked = new SimpleBooleanProperty(false);
  private final ReadOnlyObjectProperty<ConnectionState> connectionState;
  private final I18n i18n;
  private final TaskRunner tasks;
  private final AuthGateway auth;
  private final Runnable onSignedOut;
  private final IdleTimer idleTimer;
  private final LockViewModel lock;
  private final LongSupplier nanoTime;
  private long lastKeepAlive;

  public WorkspaceViewModel(Session signedIn, I18n i18n, ErrorMessages errors, TaskRunner tasks, AuthGateway auth,
      UiScheduler scheduler, LongSupplier nanoTime, ReadOnlyObjectProperty<ConnectionState> connectionState,
      Runnable onSignedOut) {
    this.session = new SimpleObjectProperty<>(signedIn);
    this.areas = WorkspaceArea.visibleTo(signedIn);
    this.i18n = i18n;
    this.tasks = tasks;
    this.auth = auth;
    this.onSignedOut = onSignedOut;
    this.connectionState = connectionState;
    this.nanoTime = nanoTime;
    this.idleTimer = new IdleTimer(scheduler, nanoTime, this::lock);
    this.lock = new LockViewModel(i18n, errors, tasks, auth, session::get, this::unlocked);
    if (!areas.isEmpty()) {
      selectedArea.set(areas.getFirst());
    }
  }

  /** Begins idle tracking and watching every call for an expired session. */
  public void start() {
    tasks.setFailureListener(failure -> {
      if (RpcFailure.of(failure).isSessionExpired()) {
        lock();
      }
    });
    lastKeepAlive = nanoTime.getAsLong();
    idleTimer.start(session.get().idleTimeout());
  }

  /** Any key or mouse input in the window. */
  public void userActivity() {
    if (locked.get()) {
      return;
    }
    idleTimer.activity();
    keepServerSessionAlive();
  }

  public void lock() {
    if (locked.get()) {
      return;
    }
    idleTimer.stop();
    lock.reset();
    locked.set(true);
  }

  public void signOut() {
    idleTimer.stop();
    tasks.setFailureListener(failure -> { });
    // The screen is cleared at once, whatever the server says or however long it takes to say it (a server
    // that is restarting would hold a click for the whole call deadline); the session ends on the server in
    // the background, and the token is forgotten either way.
    onSignedOut.run();
    tasks.run(() -> {
      auth.logout();
      return Boolean.TRUE;
    }, done -> { }, failure -> { });
  }

  public String rolesText() {
    return session.get().roles().stream()
        .map(role -> i18n.dynamic("role.", role.name()))
        .collect(Collectors.joining(", "));
  }

  public List<WorkspaceArea> areas() {
    return areas;
  }

  public ObjectProperty<WorkspaceArea> selectedAreaProperty() {
    return selectedArea;
  }

  public BooleanProperty lockedProperty() {
    return locked;
  }

  public ObjectProperty<Session> sessionProperty() {
    return session;
  }

  public ReadOnlyObjectProperty<ConnectionState> connectionStateProperty() {
    return connectionState;
  }

  public LockViewModel lockViewModel() {
    return lock;
  }

  private void unlocked(Session renewed) {
    session.set(renewed);
    locked.set(false);
    lastKeepAlive = nanoTime.getAsLong();
    idleTimer.start(renewed.idleTimeout());
  }

  /**
   * The server ends a session after the same idle time as the client; someone working without calling the
   * server (typing a long form) must not lose the session, so input touches it now and then.
   */
  private void keepServerSessionAlive() {
    Duration timeout = session.get().idleTimeout();
    if (timeout.isZero()) {
      return;
    }
    long now = nanoTime.getAsLong();
    if (Duration.ofNanos(now - lastKeepAlive).compareTo(timeout.dividedBy(3)) < 0) {
      return;
    }
    lastKeepAlive = now;
    tasks.run(() -> {
      auth.keepAlive();
      return Boolean.TRUE;
    }, done -> { }, failure -> { });
  }
}
