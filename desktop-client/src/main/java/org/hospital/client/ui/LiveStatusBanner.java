package org.hospital.client.ui;

import javafx.beans.value.ObservableValue;
import org.hospital.client.i18n.I18n;
import org.hospital.client.live.FeedStatus;

/**
 * Says when a live list cannot be trusted (the stream is down: what is shown may be out of date) and when it
 * has caught up again; nothing while it is simply live.
 */
public final class LiveStatusBanner {

  private LiveStatusBanner() {
  }

  public static Banner of(ObservableValue<FeedStatus> status, I18n i18n) {
    return of(status, i18n, "live.reconnecting", "live.resynced");
  }

  /** The same with the words of one list (its own name, short enough for a side panel). */
  public static Banner of(ObservableValue<FeedStatus> status, I18n i18n, String reconnectingKey,
      String resyncedKey) {
    Banner banner = new Banner(Banner.Kind.WARNING);
    banner.setId("liveStatus");
    status.subscribe(now -> show(banner, now, i18n, reconnectingKey, resyncedKey));
    return banner;
  }

  private static void show(Banner banner, FeedStatus status, I18n i18n, String reconnectingKey,
      String resyncedKey) {
    banner.getStyleClass().removeAll("banner-warning", "banner-success");
    switch (status == null ? FeedStatus.CONNECTING : status) {
      case RECONNECTING -> {
        banner.getStyleClass().add("banner-warning");
        banner.setText(i18n.get(reconnectingKey));
      }
      case RESYNCED -> {
        banner.getStyleClass().add("banner-success");
        banner.setText(i18n.get(resyncedKey));
      }
      case CONNECTING, LIVE -> banner.setText("");
    }
  }
}
