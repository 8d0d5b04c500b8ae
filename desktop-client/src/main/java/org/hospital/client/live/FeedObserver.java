package org.hospital.client.live;

/** Receives the messages of one open stream, on whatever thread the transport uses. */
public interface FeedObserver<U> {

  void onNext(U update);

  void onError(Throwable failure);

  /** The server ended the stream (it ends the session's streams when the session ends). */
  void onCompleted();
}
