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
 * compiled once, on first use (compiling costs a second or two; filling a page costs milliseconds), and shared
 * by all callers: a compiled {@link JasperReport} is immutable.
 */
public final class PdfReports {

  /** A rendered document and how many pages it has. */
  public record Pdf(byte[] content, int pages) {}

  private final Map<String, JasperReport> compiled = new ConcurrentHashMap<>();

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
