package org.hospital.client.ui;

import com.sun.javafx.scene.input.DragboardHelper;
import com.sun.javafx.tk.TKClipboard;
import com.sun.javafx.tk.Toolkit;
import java.util.Set;
import javafx.scene.Node;
import javafx.scene.image.Image;
import javafx.scene.input.ClipboardContent;
import javafx.scene.input.DataFormat;
import javafx.scene.input.DragEvent;
import javafx.scene.input.Dragboard;
import javafx.scene.input.TransferMode;
import javafx.util.Pair;

/**
 * Drag and drop for the headless test platform, which has no mouse robot for drag gestures: the events the
 * platform would deliver to the drop target (DRAG_OVER, then DRAG_DROPPED if accepted), carrying a dragboard with
 * the text a dragged node puts on it. Call on the FX thread.
 */
final class DragAndDrop {

  private DragAndDrop() {
  }

  /** @return whether the target accepted the drag (DRAG_OVER) and then the drop */
  static boolean drop(Node source, Node target, String payload) {
    Dragboard board = DragboardHelper.createDragboard(new MoveOnlyClipboard());
    ClipboardContent content = new ClipboardContent();
    content.putString(payload);
    board.setContent(content);
    DragEvent over = event(DragEvent.DRAG_OVER, board, source, target);
    target.fireEvent(over);
    if (!over.isAccepted()) {
      return false;
    }
    DragEvent dropped = event(DragEvent.DRAG_DROPPED, board, source, target);
    target.fireEvent(dropped);
    return dropped.isDropCompleted();
  }

  private static DragEvent event(javafx.event.EventType<DragEvent> type, Dragboard board, Node source, Node target) {
    return new DragEvent(source, target, type, board, 5, 5, 5, 5, TransferMode.MOVE, source, target, null);
  }

  /** The in-memory clipboard, offering MOVE as a drag started with {@code TransferMode.MOVE} does. */
  private static final class MoveOnlyClipboard implements TKClipboard {
    private final TKClipboard data = Toolkit.getToolkit().createLocalClipboard();

    @Override
    public Set<DataFormat> getContentTypes() {
      return data.getContentTypes();
    }

    @SafeVarargs
    @Override
    public final boolean putContent(Pair<DataFormat, Object>... content) {
      return data.putContent(content);
    }

    @Override
    public Object getContent(DataFormat format) {
      return data.getContent(format);
    }

    @Override
    public boolean hasContent(DataFormat format) {
      return data.hasContent(format);
    }

    @Override
    public Set<TransferMode> getTransferModes() {
      return Set.of(TransferMode.MOVE);
    }

    @Override
    public void setDragView(Image image) {
    }

    @Override
    public void setDragViewOffsetX(double offsetX) {
    }

    @Override
    public void setDragViewOffsetY(double offsetY) {
    }

    @Override
    public Image getDragView() {
      return null;
    }

    @Override
    public double getDragViewOffsetX() {
      return 0;
    }

    @Override
    public double getDragViewOffsetY() {
      return 0;
    }
  }
}
