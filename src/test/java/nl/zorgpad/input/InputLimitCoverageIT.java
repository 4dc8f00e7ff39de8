package nl.zorgpad.input;

import static org.assertj.core.api.Assertions.assertThat;

import jakarta.validation.constraints.Size;
import java.lang.reflect.AnnotatedParameterizedType;
import java.lang.reflect.AnnotatedType;
import java.lang.reflect.Field;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import nl.zorgpad.support.ZorgpadIntegrationTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.BeanUtils;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.core.DefaultParameterNameDiscoverer;
import org.springframework.core.MethodParameter;
import org.springframework.util.ReflectionUtils;
import org.springframework.web.bind.annotation.CookieValue;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.method.HandlerMethod;
import org.springframework.web.servlet.mvc.method.RequestMappingInfo;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerMapping;

/**
 * Every text a user can send to one of Zorgpad's controllers has a limit of its own, read from the
 * running application's handler mappings, so that a new endpoint cannot forget one (issue 10,
 * item 5): each {@code String} request parameter, header or cookie (also in a list) and each
 * {@code String} field of a form object carries {@code @Size} (limits in {@link TextLimits}).
 * Texts in JSON bodies without {@code @Size} are held to {@code max-text-length} by
 * {@link RequestBodyLimits}; the test lists them so that one can see which those are.
 */
@ZorgpadIntegrationTest
class InputLimitCoverageIT {

  @Autowired
  @Qualifier("requestMappingHandlerMapping")
  RequestMappingHandlerMapping mappings;

  @Test
  void everyTextParameterAndFormFieldHasItsOwnSize() {
    List<String> missing = new ArrayList<>();
    List<String> bodyTextsWithTheDefault = new ArrayList<>();
    int checked = 0;
    for (Map.Entry<RequestMappingInfo, HandlerMethod> entry :
        mappings.getHandlerMethods().entrySet()) {
      HandlerMethod method = entry.getValue();
      if (!method.getBeanType().getName().startsWith("nl.zorgpad.")) {
        continue;
      }
      String where = method.getBeanType().getSimpleName() + "." + method.getMethod().getName();
      for (MethodParameter parameter : method.getMethodParameters()) {
        parameter.initParameterNameDiscovery(new DefaultParameterNameDiscoverer());
        Class<?> type = parameter.getParameterType();
        boolean bound =
            parameter.hasParameterAnnotation(RequestParam.class)
                || parameter.hasParameterAnnotation(RequestHeader.class)
                || parameter.hasParameterAnnotation(CookieValue.class);
        if (bound && isText(parameter)) {
          checked++;
          if (!hasSize(parameter)) {
            missing.add(where + "(" + parameter.getParameterName() + ")");
          }
        } else if (parameter.hasParameterAnnotation(RequestBody.class)) {
          collectBodyTexts(type, where + " body", bodyTextsWithTheDefault, 0);
        } else if (parameter.hasParameterAnnotation(ModelAttribute.class)
            || (!bound
                && !BeanUtils.isSimpleProperty(type)
                && type.getName().startsWith("nl.zorgpad."))) {
          for (Field field : textFields(type)) {
            checked++;
            if (field.getAnnotation(Size.class) == null) {
              missing.add(where + " form " + type.getSimpleName() + "." + field.getName());
            }
          }
        }
      }
    }
    assertThat(checked).as("texts found in the handler mappings").isGreaterThan(40);
    assertThat(missing).as("texts without @Size (add one from TextLimits)").isEmpty();
    System.out.println("JSON texts held to max-text-length: " + bodyTextsWithTheDefault);
  }

  private static boolean isText(MethodParameter parameter) {
    Class<?> type = parameter.getParameterType();
    return type == String.class
        || type == String[].class
        || (Collection.class.isAssignableFrom(type)
            && parameter.getGenericParameterType().getTypeName().contains("java.lang.String"));
  }

  /** {@code @Size} on the parameter, or on the element type of a list. */
  private static boolean hasSize(MethodParameter parameter) {
    if (parameter.hasParameterAnnotation(Size.class)) {
      return true;
    }
    AnnotatedType annotated = parameter.getParameter().getAnnotatedType();
    if (annotated instanceof AnnotatedParameterizedType generic) {
      for (AnnotatedType argument : generic.getAnnotatedActualTypeArguments()) {
        if (argument.getAnnotation(Size.class) != null) {
          return true;
        }
      }
    }
    return false;
  }

  private static List<Field> textFields(Class<?> type) {
    List<Field> fields = new ArrayList<>();
    ReflectionUtils.doWithFields(
        type,
        field -> {
          if (field.getType() == String.class
              && !java.lang.reflect.Modifier.isStatic(field.getModifiers())) {
            fields.add(field);
          }
        });
    return fields;
  }

  private static void collectBodyTexts(Class<?> type, String where, List<String> found, int depth) {
    if (type == null || !type.isRecord() || depth > 5) {
      return;
    }
    for (var component : type.getRecordComponents()) {
      // @Size is not a record-component annotation: Java puts it on the accessor (and field)
      if (component.getType() == String.class
          && component.getAccessor().getAnnotation(Size.class) == null) {
        found.add(where + "." + component.getName());
      } else if (component.getType().isRecord()) {
        collectBodyTexts(component.getType(), where + "." + component.getName(), found, depth + 1);
      }
    }
  }
}
