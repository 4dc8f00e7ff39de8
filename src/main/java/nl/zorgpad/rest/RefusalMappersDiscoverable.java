package nl.zorgpad.rest;

import jakarta.annotation.Priority;
import jakarta.ws.rs.core.FeatureContext;
import org.glassfish.jersey.internal.spi.AutoDiscoverable;

/**
 * Adds Zorgpad's exception mappers ({@link RefusalMappers}) to every Jersey application in the
 * application: the webapps' API applications ({@code /camunda/api/engine}, {@code …/cockpit},
 * {@code …/tasklist}, {@code …/admin}, {@code …/welcome}) are plain JAX-RS applications that
 * the webapp starter registers itself, without a configuration hook. Jersey finds this class
 * through {@code META-INF/services/org.glassfish.jersey.internal.spi.AutoDiscoverable} (the
 * mechanism Jersey's own JSON modules use). Where the mappers are registered already
 * ({@code /engine-rest}, {@link ZorgpadJerseyResourceConfig}) it adds nothing.
 */
@Priority(AutoDiscoverable.DEFAULT_PRIORITY)
public class RefusalMappersDiscoverable implements AutoDiscoverable {

  @Override
  public void configure(FeatureContext context) {
    for (Class<?> mapper : RefusalMappers.ALL) {
      if (!context.getConfiguration().isRegistered(mapper)) {
        context.register(mapper, RefusalMappers.PRIORITY);
      }
    }
  }
}
