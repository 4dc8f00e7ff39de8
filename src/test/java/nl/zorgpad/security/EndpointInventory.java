package nl.zorgpad.security;

import jakarta.ws.rs.Path;
import jakarta.ws.rs.core.Application;
import java.lang.reflect.Method;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.camunda.bpm.admin.impl.web.AdminApplication;
import org.camunda.bpm.cockpit.impl.web.CockpitApplication;
import org.camunda.bpm.tasklist.impl.web.TasklistApplication;
import org.camunda.bpm.webapp.impl.engine.EngineRestApplication;
import org.camunda.bpm.welcome.impl.web.WelcomeApplication;
import org.glassfish.jersey.server.ResourceConfig;
import org.glassfish.jersey.server.model.Resource;
import org.glassfish.jersey.server.model.ResourceMethod;
import org.springframework.context.ApplicationContext;
import org.springframework.web.bind.annotation.RequestMethod;
import org.springframework.web.servlet.mvc.method.RequestMappingInfo;
import org.springframework.web.servlet.mvc.method.RequestMappingInfoHandlerMapping;

/**
 * Every endpoint of the running application, as (HTTP method, path template), read from where
 * they are declared, so that none can be forgotten by the authorization matrix:
 * <ul>
 *   <li>Spring MVC's handler mappings: Zorgpad's controllers, the actuator, springdoc, errors;</li>
 *   <li>the Jersey resources of {@code /engine-rest} (the starter's {@link ResourceConfig}, i.e.
 *       Camunda's CamundaRestResources), followed through every sub-resource locator;</li>
 *   <li>the webapps' JAX-RS applications under {@code /camunda/api/*} (Cockpit with its plugins,
 *       Admin, Tasklist, the engine API copy, Welcome).</li>
 * </ul>
 */
final class EndpointInventory {

  /** One endpoint; the path is a template ({@code {id}}), without a trailing slash. */
  record Endpoint(String method, String path) implements Comparable<Endpoint> {

    @Override
    public int compareTo(Endpoint other) {
      int byPath = path.compareTo(other.path);
      return byPath != 0 ? byPath : method.compareTo(other.method);
    }

    @Override
    public String toString() {
      return method + " " + path;
    }
  }

  static final Map<String, Class<? extends Application>> WEBAPP_APIS =
      Map.of(
          "/camunda/api/cockpit", CockpitApplication.class,
          "/camunda/api/admin", AdminApplication.class,
          "/camunda/api/tasklist", TasklistApplication.class,
          "/camunda/api/engine", EngineRestApplication.class,
          "/camunda/api/welcome", WelcomeApplication.class);

  private EndpointInventory() {}

  static Set<Endpoint> all(ApplicationContext context) throws Exception {
    Set<Endpoint> endpoints = new TreeSet<>();
    endpoints.addAll(springMvc(context));
    for (ResourceConfig config : context.getBeansOfType(ResourceConfig.class).values()) {
      endpoints.addAll(jaxRs("/engine-rest", config.getClasses()));
    }
    for (Map.Entry<String, Class<? extends Application>> api : WEBAPP_APIS.entrySet()) {
      Application application = api.getValue().getDeclaredConstructor().newInstance();
      endpoints.addAll(jaxRs(api.getKey(), application.getClasses()));
    }
    return endpoints;
  }

  static Set<Endpoint> springMvc(ApplicationContext context) {
    Set<Endpoint> endpoints = new TreeSet<>();
    for (RequestMappingInfoHandlerMapping mapping :
        context.getBeansOfType(RequestMappingInfoHandlerMapping.class).values()) {
      for (RequestMappingInfo info : mapping.getHandlerMethods().keySet()) {
        Set<RequestMethod> methods = info.getMethodsCondition().getMethods();
        for (String pattern : info.getPatternValues()) {
          if (methods.isEmpty()) {
            endpoints.add(new Endpoint("ANY", normalize(pattern)));
          }
          for (RequestMethod method : methods) {
            endpoints.add(new Endpoint(method.name(), normalize(pattern)));
          }
        }
      }
    }
    return endpoints;
  }

  static Set<Endpoint> jaxRs(String prefix, Set<Class<?>> classes) {
    Set<Endpoint> endpoints = new TreeSet<>();
    for (Class<?> type : classes) {
      if (type.isAnnotationPresent(Path.class) && Resource.isAcceptable(type)) {
        walk(Resource.from(type), prefix, false, endpoints, new HashSet<>(), 0);
      }
    }
    return endpoints;
  }

  /**
   * @param located a resource returned by a locator: its own class-level {@code @Path} does not
   *     count (the locator's does), as at run time
   */
  private static void walk(
      Resource resource,
      String prefix,
      boolean located,
      Set<Endpoint> endpoints,
      Set<String> seen,
      int depth) {
    String own = located || resource.getPath() == null ? "" : resource.getPath();
    String path = normalize(prefix + "/" + own);
    if (depth > 12) {
      return;
    }
    for (ResourceMethod method : resource.getResourceMethods()) {
      endpoints.add(new Endpoint(method.getHttpMethod(), path));
    }
    for (Resource child : resource.getChildResources()) {
      walk(child, path, false, endpoints, seen, depth + 1);
    }
    ResourceMethod locator = resource.getResourceLocator();
    if (locator != null) {
      for (Class<?> type : locatedTypes(locator)) {
        if (seen.add(type.getName() + "@" + path)) {
          walk(Resource.builder(type).build(), path, true, endpoints, seen, depth + 1);
        }
      }
    }
  }

  /** What a sub-resource locator returns: its declared type and, for an interface, that. */
  private static List<Class<?>> locatedTypes(ResourceMethod locator) {
    List<Class<?>> types = new ArrayList<>();
    Method method = locator.getInvocable().getHandlingMethod();
    types.add(method.getReturnType());
    return types;
  }

  static String normalize(String path) {
    String normalized = path.replaceAll("/+", "/").replaceAll("\\{([a-zA-Z0-9_-]+):[^}]*}", "{$1}");
    if (normalized.length() > 1 && normalized.endsWith("/")) {
      normalized = normalized.substring(0, normalized.length() - 1);
    }
    return normalized.isEmpty() ? "/" : normalized;
  }

  static Set<String> prefixes(Set<Endpoint> endpoints, int segments) {
    Set<String> result = new LinkedHashSet<>();
    for (Endpoint endpoint : endpoints) {
      String[] parts = endpoint.path().split("/");
      StringBuilder prefix = new StringBuilder();
      for (int i = 1; i < parts.length && i <= segments; i++) {
        prefix.append('/').append(parts[i]);
      }
      result.add(prefix.toString());
    }
    return result;
  }
}
