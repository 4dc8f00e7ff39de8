package nl.zorgpad.modelpolicy;

import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.util.Arrays;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Supplier;
import org.springframework.beans.factory.ListableBeanFactory;
import org.springframework.util.ClassUtils;

/**
 * The allow-list of beans a pathway model may use: the beans whose class is marked
 * {@link PathwayBean}, by name, with the methods marked {@link PathwayCallable}. The same list
 * serves the check at deployment ({@link ExpressionPolicy}) and the engine's expression resolver
 * at run time ({@link PolicyExpressionManager}), so the two cannot disagree about a bean.
 */
public final class PathwayBeans {

  private final Supplier<Map<String, Class<?>>> types;
  private final BeanLookup lookup;
  private volatile Map<String, Class<?>> resolved;

  private PathwayBeans(Supplier<Map<String, Class<?>>> types, BeanLookup lookup) {
    this.types = types;
    this.lookup = lookup;
  }

  interface BeanLookup {
    Object bean(String name);
  }

  /**
   * The marked beans of a map of beans (the engine configuration's {@code beans}, as the
   * plain-engine tests give them); other entries of the map are not resolvable in expressions.
   */
  public static PathwayBeans of(Map<?, ?> beans) {
    Map<String, Object> marked = new LinkedHashMap<>();
    if (beans != null) {
      beans.forEach(
          (name, bean) -> {
            if (bean != null && isPathwayBeanClass(bean.getClass())) {
              marked.put(String.valueOf(name), bean);
            }
          });
    }
    Map<String, Class<?>> types = new LinkedHashMap<>();
    marked.forEach((name, bean) -> types.put(name, ClassUtils.getUserClass(bean.getClass())));
    Map<String, Class<?>> fixed = Collections.unmodifiableMap(types);
    return new PathwayBeans(() -> fixed, marked::get);
  }

  /**
   * The marked beans of a Spring context, looked up when first needed (after the context has
   * created its singletons: the engine is built before the pathway beans exist).
   */
  public static PathwayBeans of(ListableBeanFactory factory) {
    return new PathwayBeans(
        () -> {
          Map<String, Class<?>> types = new LinkedHashMap<>();
          for (String name : factory.getBeanNamesForAnnotation(PathwayBean.class)) {
            Class<?> type = factory.getType(name);
            if (type != null && isPathwayBeanClass(type)) {
              types.put(name, ClassUtils.getUserClass(type));
            }
          }
          return Collections.unmodifiableMap(types);
        },
        factory::getBean);
  }

  /** Marked classes by name only (no instances), for checks without an engine (tests, tools). */
  public static PathwayBeans ofTypes(Map<String, Class<?>> types) {
    Map<String, Class<?>> marked = new LinkedHashMap<>();
    types.forEach(
        (name, type) -> {
          if (isPathwayBeanClass(type)) {
            marked.put(name, ClassUtils.getUserClass(type));
          }
        });
    Map<String, Class<?>> fixed = Collections.unmodifiableMap(marked);
    return new PathwayBeans(
        () -> fixed,
        name -> {
          throw new IllegalStateException("no bean instances in a type-only allow-list");
        });
  }

  private Map<String, Class<?>> types() {
    Map<String, Class<?>> current = resolved;
    if (current == null) {
      synchronized (this) {
        if (resolved == null) {
          resolved = types.get();
        }
        current = resolved;
      }
    }
    return current;
  }

  public Set<String> names() {
    return new TreeSet<>(types().keySet());
  }

  public boolean contains(String name) {
    return types().containsKey(name);
  }

  public Optional<Class<?>> type(String name) {
    return Optional.ofNullable(types().get(name));
  }

  /** The bean itself, for the expression resolver; empty for a name that is not allowed. */
  Optional<Object> bean(String name) {
    return contains(name) ? Optional.ofNullable(lookup.bean(name)) : Optional.empty();
  }

  /** {@code camunda:class}: only the class of an allowed bean (compared by name, not loaded). */
  public boolean isAllowedClass(String className) {
    return className != null
        && types().values().stream().anyMatch(type -> type.getName().equals(className.strip()));
  }

  /** {@code ${name.method(…)}} with {@code arity} arguments, at deployment. */
  public boolean isCallable(String name, String method, int arity) {
    Class<?> type = types().get(name);
    return type != null && allowsMethod(type, method, arity);
  }

  /** {@code ${name.property}}, at deployment. */
  public boolean isReadable(String name, String property) {
    Class<?> type = types().get(name);
    return type != null && allowsGetter(type, property);
  }

  // --- the rules on a class, shared with the run-time resolver --------------------------------

  static boolean isPathwayBeanClass(Class<?> type) {
    return ClassUtils.getUserClass(type).isAnnotationPresent(PathwayBean.class);
  }

  /**
   * Every public method of that name is marked (so no unmarked overload can be picked by the
   * engine's method resolution), and one of them takes {@code arity} arguments (any, if
   * negative).
   */
  static boolean allowsMethod(Class<?> type, String method, int arity) {
    Class<?> user = ClassUtils.getUserClass(type);
    if (!user.isAnnotationPresent(PathwayBean.class)) {
      return false;
    }
    List<Method> named =
        Arrays.stream(user.getMethods())
            .filter(m -> m.getName().equals(method) && !Modifier.isStatic(m.getModifiers()))
            .toList();
    return !named.isEmpty()
        && named.stream().allMatch(m -> m.isAnnotationPresent(PathwayCallable.class))
        && named.stream()
            .anyMatch(
                m ->
                    arity < 0
                        || m.getParameterCount() == arity
                        || (m.isVarArgs() && arity >= m.getParameterCount() - 1));
  }

  static boolean allowsGetter(Class<?> type, String property) {
    if (property == null || property.isEmpty()) {
      return false;
    }
    String suffix = Character.toUpperCase(property.charAt(0)) + property.substring(1);
    return allowsMethod(type, "get" + suffix, 0) || allowsMethod(type, "is" + suffix, 0);
  }
}
