package org.hospital.client.ui.layout;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import javafx.geometry.Bounds;
import javafx.scene.Node;
import javafx.scene.Parent;
import javafx.scene.Scene;
import javafx.scene.control.Accordion;
import javafx.scene.control.ButtonBar;
import javafx.scene.control.Control;
import javafx.scene.control.IndexedCell;
import javafx.scene.control.Labeled;
import javafx.scene.control.ScrollPane;
import javafx.scene.control.SplitPane;
import javafx.scene.control.TabPane;
import javafx.scene.control.TitledPane;
import javafx.scene.control.ToolBar;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.StackPane;
import javafx.scene.text.Text;

/**
 * Finds what a user would see as broken in a laid-out scene: a label, button or column header whose text JavaFX
 * cut short with an ellipsis, a control that lies (partly) outside the window, and two controls drawn on top of
 * each other. Table and list cells are left out (a long value in a narrow column is cut by design and readable
 * by widening it), and so is what scrolls, since it is meant to reach past the viewport.
 */
public final class LayoutInspector {

  /** Less than this many pixels of overlap or overhang is anti-aliasing and rounding, not a fault. */
  private static final double TOLERANCE = 1.5;

  /** Where {@code Tooltip.install} keeps a node's tooltip. */
  private static final String TOOLTIP_KEY = "javafx.scene.control.Tooltip";

  private final Scene scene;
  private final List<String> problems = new ArrayList<>();
  private final List<Node> leaves = new ArrayList<>();

  private LayoutInspector(Scene scene) {
    this.scene = scene;
  }

  /** Must run on the FX thread, on a scene that has had its CSS and layout pass (a snapshot does both). */
  public static List<String> problemsIn(Scene scene) {
    LayoutInspector inspector = new LayoutInspector(scene);
    inspector.walk(scene.getRoot(), false);
    inspector.findOverlaps();
    return inspector.problems;
  }

  private void walk(Node node, boolean scrolled) {
    if (!node.isVisible() || node.getOpacity() == 0) {
      return;
    }
    if (node instanceof IndexedCell<?>) {
      return;
    }
    if (node instanceof Labeled labeled) {
      checkElided(labeled);
    }
    if (node instanceof javafx.scene.control.TextField field && !field.isEditable()) {
      checkReadOnlyFieldFits(field);
    }
    if (node instanceof Control && !scrolled) {
      checkInsideWindow(node);
    }
    if (isLeafControl(node)) {
      if (!scrolled) {
        leaves.add(node);
      }
      // A leaf's insides (a text field's caret, a date picker's editor, a table's placeholder) are its own.
      if (!(node instanceof Labeled)) {
        return;
      }
    }
    if (node instanceof Parent parent) {
      boolean inner = scrolled || node instanceof ScrollPane || node.getStyleClass().contains("virtual-flow");
      for (Node child : parent.getChildrenUnmodifiable()) {
        walk(child, inner);
      }
    }
  }

  private void checkElided(Labeled labeled) {
    String text = labeled.getText();
    if (text == null || text.isBlank() || labeled.getGraphic() instanceof Text) {
      return;
    }
    for (Node child : labeled.getChildrenUnmodifiable()) {
      if (child instanceof Text shown && shown.isVisible() && !text.equals(shown.getText())
          && shown.getText() != null && shown.getText().endsWith(labeled.getEllipsisString())
          && !readableInTooltip(labeled, text)) {
        problems.add("elided: " + describe(labeled) + " shows \"" + shown.getText() + "\" of \"" + text + "\"");
      }
    }
  }

  /**
   * A read-only field shows something to be read whole (a key to type into a phone, a number to quote): one
   * that scrolls hides its end with no sign that there is more.
   */
  private void checkReadOnlyFieldFits(javafx.scene.control.TextField field) {
    String text = field.getText();
    if (text == null || text.isEmpty()) {
      return;
    }
    Text measure = new Text(text);
    measure.setFont(field.getFont());
    double room = field.getWidth() - field.getInsets().getLeft() - field.getInsets().getRight();
    if (measure.getLayoutBounds().getWidth() > room + TOLERANCE) {
      problems.add("cut: read-only " + describe(field) + " is " + Math.round(room) + " px wide for \"" + text
          + "\" (" + Math.round(measure.getLayoutBounds().getWidth()) + " px)");
    }
  }

  /**
   * Cut text is readable when the label or what holds it (a card) has a tooltip with the whole of it: the way
   * a narrow column shows a long name.
   */
  private static boolean readableInTooltip(Labeled labeled, String text) {
    for (Node n = labeled; n != null; n = n.getParent()) {
      Object installed = n.getProperties().get(TOOLTIP_KEY);
      Tooltip tooltip = n instanceof Control control && control.getTooltip() != null ? control.getTooltip()
          : installed instanceof Tooltip t ? t : null;
      if (tooltip != null && tooltip.getText() != null && tooltip.getText().contains(text)) {
        return true;
      }
    }
    return false;
  }

  private void checkInsideWindow(Node node) {
    Bounds b = node.localToScene(node.getLayoutBounds());
    if (b.getWidth() <= 0 || b.getHeight() <= 0) {
      return;
    }
    if (b.getMinX() < -TOLERANCE || b.getMinY() < -TOLERANCE || b.getMaxX() > scene.getWidth() + TOLERANCE
        || b.getMaxY() > scene.getHeight() + TOLERANCE) {
      problems.add(String.format(Locale.ROOT, "outside the window (%.0fx%.0f): %s at %.0f,%.0f-%.0f,%.0f",
          scene.getWidth(), scene.getHeight(), describe(node), b.getMinX(), b.getMinY(), b.getMaxX(), b.getMaxY()));
    }
  }

  /** Controls that hold other controls on purpose are walked through; every other control is a leaf. */
  private static boolean isLeafControl(Node node) {
    return node instanceof Control && !(node instanceof ScrollPane || node instanceof TabPane
        || node instanceof TitledPane || node instanceof SplitPane || node instanceof ToolBar
        || node instanceof Accordion || node instanceof ButtonBar);
  }

  private void findOverlaps() {
    List<Bounds> bounds = leaves.stream().map(n -> n.localToScene(n.getLayoutBounds())).toList();
    for (int i = 0; i < leaves.size(); i++) {
      for (int j = i + 1; j < leaves.size(); j++) {
        Node a = leaves.get(i);
        Node b = leaves.get(j);
        if (layeredOnPurpose(a, b) || contains(a, b) || contains(b, a)) {
          continue;
        }
        double w = Math.min(bounds.get(i).getMaxX(), bounds.get(j).getMaxX())
            - Math.max(bounds.get(i).getMinX(), bounds.get(j).getMinX());
        double h = Math.min(bounds.get(i).getMaxY(), bounds.get(j).getMaxY())
            - Math.max(bounds.get(i).getMinY(), bounds.get(j).getMinY());
        if (w > TOLERANCE && h > TOLERANCE) {
          problems.add("overlap: " + describe(a) + " and " + describe(b));
        }
      }
    }
  }

  /**
   * A stack pane layers its children by design (an overlay, a placeholder over a table): two controls whose
   * nearest common parent is one are meant to share the space.
   */
  private static boolean layeredOnPurpose(Node a, Node b) {
    for (Node p = a.getParent(); p != null; p = p.getParent()) {
      if (isAncestor(p, b)) {
        return p instanceof StackPane;
      }
    }
    return false;
  }

  private static boolean contains(Node ancestor, Node node) {
    return isAncestor(ancestor, node);
  }

  private static boolean isAncestor(Node ancestor, Node node) {
    for (Node p = node.getParent(); p != null; p = p.getParent()) {
      if (p == ancestor) {
        return true;
      }
    }
    return false;
  }

  static String describe(Node node) {
    StringBuilder name = new StringBuilder(node.getClass().getSimpleName());
    if (node.getId() != null) {
      name.append('#').append(node.getId());
    }
    if (node instanceof Labeled labeled && labeled.getText() != null && !labeled.getText().isBlank()) {
      name.append(" \"").append(labeled.getText()).append('"');
    }
    for (Node p = node.getParent(); p != null && node.getId() == null; p = p.getParent()) {
      if (p.getId() != null) {
        name.append(" in #").append(p.getId());
        break;
      }
    }
    return name.toString();
  }
}
