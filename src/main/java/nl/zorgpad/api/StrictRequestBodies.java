package nl.zorgpad.api;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.lang.reflect.RecordComponent;
import java.lang.reflect.Type;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import nl.zorgpad.casus.Violation;
import org.springframework.core.MethodParameter;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpInputMessage;
import org.springframework.http.HttpStatus;
import org.springframework.http.converter.HttpMessageConverter;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.servlet.mvc.method.annotation.RequestBodyAdviceAdapter;

/**
 * The API's request bodies hold only their documented fields (issue 10: only the form's own
 * fields, also through Zorgpad's API). Spring's JSON reader ignores unknown properties, so a
 * body {@code {"clientReference": …, "naamMoeder": …}} would be accepted without a word; here it
 * is refused with 400 ({@code unknown-field}, Dutch message naming the field) before anything
 * is done. The known fields are the components of the request record.
 */
@ControllerAdvice(basePackageClasses = StrictRequestBodies.class)
class StrictRequestBodies extends RequestBodyAdviceAdapter {

  private final ObjectMapper json;

  StrictRequestBodies(ObjectMapper json) {
    this.json = json;
  }

  @Override
  public boolean supports(
      MethodParameter parameter,
      Type targetType,
      Class<? extends HttpMessageConverter<?>> converterType) {
    return targetType instanceof Class<?> type
        && type.isRecord()
        && type.getPackageName().equals(StrictRequestBodies.class.getPackageName());
  }

  @Override
  public HttpInputMessage beforeBodyRead(
      HttpInputMessage input,
      MethodParameter parameter,
      Type targetType,
      Class<? extends HttpMessageConverter<?>> converterType)
      throws IOException {
    byte[] body = input.getBody().readAllBytes();
    JsonNode tree;
    try {
      tree = json.readTree(body);
    } catch (IOException notJson) {
      // the JSON reader refuses it itself (unreadable-body)
      return replay(input, body);
    }
    if (tree != null && tree.isObject()) {
      Set<String> known =
          Arrays.stream(((Class<?>) targetType).getRecordComponents())
              .map(RecordComponent::getName)
              .collect(Collectors.toSet());
      List<String> unknown = new ArrayList<>();
      tree.fieldNames()
          .forEachRemaining(
              name -> {
                if (!known.contains(name)) {
                  unknown.add(name);
                }
              });
      if (!unknown.isEmpty()) {
        List<Violation> violations =
            unknown.stream()
                .map(
                    name ->
                        new Violation(
                            shown(name),
                            "is not a field of this request",
                            "api.unknownField",
                            shown(name)))
                .toList();
        throw new ApiException(
            HttpStatus.BAD_REQUEST,
            "unknown-field",
            "Unknown fields: "
                + violations.stream().map(Violation::field).collect(Collectors.joining(", ")),
            String.join(" ", violations.stream().map(Violation::dutchMessage).toList()),
            violations);
      }
    }
    return replay(input, body);
  }

  private static String shown(String name) {
    String printable = name.replaceAll("\\p{Cntrl}", "?");
    return printable.length() <= 60 ? printable : printable.substring(0, 60) + "…";
  }

  private static HttpInputMessage replay(HttpInputMessage input, byte[] body) {
    return new HttpInputMessage() {
      @Override
      public InputStream getBody() {
        return new ByteArrayInputStream(body);
      }

      @Override
      public HttpHeaders getHeaders() {
        return input.getHeaders();
      }
    };
  }
}
