package nl.zorgpad.audit;

import com.openhtmltopdf.pdfboxout.PdfRendererBuilder;
import java.io.ByteArrayOutputStream;
import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.List;
import java.util.Map;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.stereotype.Component;
import org.thymeleaf.ITemplateEngine;
import org.thymeleaf.context.Context;

/**
 * Renders a Thymeleaf template (well-formed XHTML, texts from the message bundle) to PDF with
 * openhtmltopdf. A Unicode font (DejaVu Sans, or Liberation Sans) is embedded when the system has
 * one, so Dutch diacritics and arrows print; otherwise the PDF's built-in Helvetica is used.
 */
@Component
public class PdfRenderer {

  private static final List<String> FONTS =
      List.of(
          "/usr/share/fonts/truetype/dejavu/DejaVuSans.ttf",
          "/usr/share/fonts/truetype/liberation/LiberationSans-Regular.ttf");
  private static final List<String> BOLD_FONTS =
      List.of(
          "/usr/share/fonts/truetype/dejavu/DejaVuSans-Bold.ttf",
          "/usr/share/fonts/truetype/liberation/LiberationSans-Bold.ttf");

  private final ITemplateEngine templates;
  private final org.springframework.context.ApplicationContext applicationContext;

  PdfRenderer(
      ITemplateEngine templates,
      org.springframework.context.ApplicationContext applicationContext) {
    this.templates = templates;
    this.applicationContext = applicationContext;
  }

  public byte[] render(String template, Map<String, Object> variables) {
    Context context = new Context(LocaleContextHolder.getLocale(), variables);
    // lets templates call beans (@auditFormat) as they do on the web pages
    context.setVariable(
        org.thymeleaf.spring6.expression.ThymeleafEvaluationContext
            .THYMELEAF_EVALUATION_CONTEXT_CONTEXT_VARIABLE_NAME,
        new org.thymeleaf.spring6.expression.ThymeleafEvaluationContext(applicationContext, null));
    String html = templates.process(template, context);
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    try {
      PdfRendererBuilder builder = new PdfRendererBuilder();
      builder.useFastMode();
      font(builder, FONTS, 400);
      font(builder, BOLD_FONTS, 700);
      builder.withHtmlContent(html, null);
      builder.toStream(out);
      builder.run();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return out.toByteArray();
  }

  private static void font(PdfRendererBuilder builder, List<String> candidates, int weight) {
    for (String path : candidates) {
      File file = new File(path);
      if (file.isFile()) {
        builder.useFont(
            file,
            "Zorgpad Sans",
            weight,
            com.openhtmltopdf.outputdevice.helper.BaseRendererBuilder.FontStyle.NORMAL,
            true);
        return;
      }
    }
  }
}
