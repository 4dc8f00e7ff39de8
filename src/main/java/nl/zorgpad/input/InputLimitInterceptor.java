package nl.zorgpad.input;

import jakarta.servlet.DispatcherType;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.validation.constraints.Size;
import java.lang.reflect.Field;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.springframework.beans.BeanUtils;
import org.springframework.core.DefaultParameterNameDiscoverer;
import org.springframework.core.MethodParameter;
import org.springframework.util.ReflectionUtils;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.method.HandlerMethod;
import org.springframework.web.servlet.HandlerInterceptor;

/**
 * Every request parameter (query string and form fields) of every Zorgpad controller, before the
 * controller runs and before anything is bound: no control character, and at most
 * <ul>
 *   <li>the {@code @Size(max)} of the {@code @RequestParam} it is bound to, exactly (the refusal
 *       then names the field and its real limit);</li>
 *   <li>for a field of a form object, {@link InputLimitsProperties#maxTextLength()} or its larger
 *       {@code @Size}: below that, the form's own validation shows its Dutch error next to the
 *       field, as the sociale kaart's forms do;</li>
 *   <li>for any other parameter, {@link InputLimitsProperties#maxTextLength()} characters.</li>
 * </ul>
 * This is the net under every field, also of endpoints added later.
 */
class InputLimitInterceptor implements HandlerInterceptor {

  private static final String CSRF_PARAMETER = "_csrf";

  private final InputRules rules;
  private final Map<HandlerMethod, Map<String, Integer>> declared = new ConcurrentHashMap<>();

  InputLimitInterceptor(InputRules rules) {
    this.rules = rules;
  }

  @Override
  public boolean preHandle(
      HttpServletRequest request, HttpServletResponse response, Object handler) {
    if (!(handler instanceof HandlerMethod method)
        || request.getDispatcherType() != DispatcherType.REQUEST) {
      // the error page of a refused request is not refused again
      return true;
    }
    Map<String, Integer> sizes = declared.computeIfAbsent(method, this::sizes);
    for (Map.Entry<String, String[]> parameter : request.getParameterMap().entrySet()) {
      String name = parameter.getKey();
      if (CSRF_PARAMETER.equals(name)) {
        continue;
      }
      rules.check("parameter name", name, rules.maxTextLength());
      Integer declaredMax = sizes.get(name);
      int max = declaredMax == null ? rules.maxTextLength() : declaredMax;
      for (String value : parameter.getValue()) {
        rules.check(name, value, max);
      }
    }
    return true;
  }

  /**
   * The limit of each request parameter ({@code @Size(max)}) and form field (at least the
   * default) the method binds.
   */
  private Map<String, Integer> sizes(HandlerMethod method) {
    Map<String, Integer> sizes = new HashMap<>();
    for (MethodParameter parameter : method.getMethodParameters()) {
      parameter.initParameterNameDiscovery(new DefaultParameterNameDiscoverer());
      Size size = parameter.getParameterAnnotation(Size.class);
      RequestParam requestParam = parameter.getParameterAnnotation(RequestParam.class);
      if (size != null && requestParam != null) {
        String name =
            !requestParam.name().isEmpty() ? requestParam.name() : parameter.getParameterName();
        if (name != null) {
          sizes.put(name, size.max());
        }
      }
      Class<?> type = parameter.getParameterType();
      if (parameter.hasParameterAnnotation(ModelAttribute.class)
          || (!BeanUtils.isSimpleProperty(type) && type.getName().startsWith("nl.zorgpad."))) {
        ReflectionUtils.doWithFields(
            type,
            (Field field) -> {
              Size fieldSize = field.getAnnotation(Size.class);
              if (fieldSize != null) {
                sizes.putIfAbsent(
                    field.getName(), Math.max(rules.maxTextLength(), fieldSize.max()));
              }
            });
      }
    }
    return sizes;
  }
}
