package org.hospital.server.reports;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Collection;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import net.sf.jasperreports.engine.JRException;
import net.sf.jasperreports.engine.JasperCompileManager;
import net.sf.jasperreports.engine.JasperExportManager;
import net.sf.jasperreports.engine.JasperFillManager;
import net.sf.jasperreports.engine.JasperPrint;
import net.sf.jasperreports.engine.JasperReport;
import net.sf.jasperreports.engine.data.JRBeanCollectionDataSource;

/**
 * Turns a JRXML template from {@code /reports/} on the class path and a list of rows into a PDF. A template is
 * compiled once and shared by all callers (a compiled {@link JasperReport} is immutable). Compiling costs
 * seconds under load, filling a page milliseconds: the server calls {@link #warmUp()} right after it starts, so
 * that every template of every feature is compiled in the background before its first print; a print that
 * comes first compiles (or waits for) its own template only.
 */
public final class PdfReports {

  /** A rendered document and how many pages it has. */
  public record Pdf(byte[] content, int pages) {}

  /**
   * One cache for the process: the templates are the class path's, the same for every renderer, so a process
   * that starts several servers (the tests do, hundreds of times) compiles each template once.
   */
  private static final Map<String, JasperReport> compiled = new ConcurrentHashMap<>();

  /** Forgets what was compiled, so that a test can watch a warm-up from the start. */
  static void forgetCompiledTemplates() {
    compiled.clear();
  }

  /**
   * Renders {@code template} ("day-list" for {@code /reports/day-list.jrxml}). Rows must be JavaBeans with a
   * getter per template field (records are not: the bean data source needs {@code getX()} methods).
   */
  public Pdf render(String template, Map<String, Object> parameters, Collection<?> rows) {
    try {
      JasperPrint print = JasperFillManager.fillReport(report(template), new HashMap<>(parameters),
          new JRBeanCollectionDataSource(rows));
      return new Pdf(JasperExportManager.exportReportToPdf(print), print.getPages().size());
    } catch (JRException e) {
      throw new IllegalStateException("Cannot render the report " + template, e);
    }
  }

  /**
   * The first page of the same document drawn into an image at {@code zoom} (1 = one pixel a point), for a
   * preview on screen and for checking a printed code as the page lays it out.
   */
  public java.awt.image.BufferedImage firstPage(String template, Map<String, Object> parameters,
      Collection<?> rows, float zoom) {
    try {
      JasperPrint print = JasperFillManager.fillReport(report(template), new HashMap<>(parameters),
          new JRBeanCollectionDataSource(rows));
      java.awt.image.BufferedImage image = new java.awt.image.BufferedImage(
          Math.round(print.getPageWidth() * zoom), Math.round(print.getPageHeight() * zoom),
          java.awt.image.BufferedImage.TYPE_INT_RGB);
      java.awt.Graphics2D g = image.createGraphics();
      try {
        g.setColor(java.awt.Color.WHITE);
        g.fillRect(0, 0, image.getWidth(), image.getHeight());
        net.sf.jasperreports.engine.export.JRGraphics2DExporter exporter =
            new net.sf.jasperreports.engine.export.JRGraphics2DExporter();
        exporter.setExporterInput(new net.sf.jasperreports.export.SimpleExporterInput(print));
        net.sf.jasperreports.export.SimpleGraphics2DExporterOutput out =
            new net.sf.jasperreports.export.SimpleGraphics2DExporterOutput();
        out.setGraphics2D(g);
        exporter.setExporterOutput(out);
        net.sf.jasperreports.export.SimpleGraphics2DReportConfiguration config =
            new net.sf.jasperreports.export.SimpleGraphics2DReportConfiguration();
        config.setZoomRatio(zoom);
        config.setPageIndex(0);
        exporter.setConfiguration(config);
        exporter.exportReport();
      } finally {
        g.dispose();
      }
      return image;
    } catch (JRException e) {
      throw new IllegalStateException("Cannot render the report " + template, e);
    }
  }

  /**
   * Compiles every template under {@code /reports/} that is not compiled yet, on one background thread, and
   * answers that thread. A print arriving meanwhile waits for its template's compilation instead of compiling
   * it a second time (the cache's per-key computation).
   */
  public Thread warmUp() {
    Thread t = Thread.ofPlatform().daemon().name("report-warm-up").unstarted(() -> {
      for (String template : templates()) {
        try {
          report(template);
        } catch (RuntimeException e) {
          // a broken template fails its own prints with the reason; the warm-up goes on with the others
          java.util.logging.Logger.getLogger(PdfReports.class.getName()).warning("Report template " + template
              + " did not compile: " + e.getMessage());
        }
      }
    });
    t.start();
    return t;
  }

  /** Whether the template is compiled already (its first print does not compile). */
  public boolean isCompiled(String template) {
    return compiled.containsKey(template);
  }

  /** The names of every template on the class path ("invoice" for {@code /reports/invoice.jrxml}). */
  public static java.util.SortedSet<String> templates() {
    java.util.SortedSet<String> names = new java.util.TreeSet<>();
    try {
      java.net.URL dir = PdfReports.class.getResource("/reports");
      if (dir == null) {
        return names;
      }
      java.net.URI uri = dir.toURI();
      if ("jar".equals(uri.getScheme())) {
        try (java.nio.file.FileSystem fs = java.nio.file.FileSystems.newFileSystem(uri, Map.of())) {
          collect(fs.getPath("/reports"), names);
        } catch (java.nio.file.FileSystemAlreadyExistsException e) {
          collect(java.nio.file.FileSystems.getFileSystem(uri).getPath("/reports"), names);
        }
      } else {
        collect(java.nio.file.Path.of(uri), names);
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (java.net.URISyntaxException e) {
      throw new IllegalStateException(e);
    }
    return names;
  }

  private static void collect(java.nio.file.Path dir, java.util.SortedSet<String> names) throws IOException {
    try (java.util.stream.Stream<java.nio.file.Path> files = java.nio.file.Files.list(dir)) {
      files.map(f -> f.getFileName().toString()).filter(n -> n.endsWith(".jrxml"))
          .forEach(n -> names.add(n.substring(0, n.length() - ".jrxml".length())));
    }
  }

  private JasperReport report(String template) {
    return compiled.computeIfAbsent(template, PdfReports::compile);
  }

  private static JasperReport compile(String template) {
    String path = "/reports/" + template + ".jrxml";
    try (InputStream in = PdfReports.class.getResourceAsStream(path)) {
      if (in == null) {
        throw new IllegalArgumentException("No report template " + path);
      }
      return JasperCompileManager.compileReport(in);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (JRException e) {
      throw new IllegalStateException("The report template " + path + " does not compile", e);
    }
  }
}
