package nl.zorgpad.modelpolicy;

import java.beans.FeatureDescriptor;
import java.util.Iterator;
import java.util.Optional;
import org.camunda.bpm.impl.juel.jakarta.el.ELContext;
import org.camunda.bpm.impl.juel.jakarta.el.ELResolver;
import org.camunda.bpm.impl.juel.jakarta.el.PropertyNotWritableException;

/**
 * Resolves an identifier to a bean only when it is an allowed {@link PathwayBean}; the engine's
 * defaults resolve any Spring bean ({@code ApplicationContextElResolver}) or any entry of the
 * configuration's beans map.
 */
final class PathwayBeanElResolver extends ELResolver {

  private final PathwayBeans beans;

  PathwayBeanElResolver(PathwayBeans beans) {
    this.beans = beans;
  }

  @Override
  public Object getValue(ELContext context, Object base, Object property) {
    if (base == null && property instanceof String name) {
      Optional<Object> bean = beans.bean(name);
      if (bean.isPresent()) {
        context.setPropertyResolved(true);
        return bean.get();
      }
    }
    return null;
  }

  @Override
  public Class<?> getType(ELContext context, Object base, Object property) {
    return null;
  }

  @Override
  public void setValue(ELContext context, Object base, Object property, Object value) {
    if (base == null && property instanceof String name && beans.contains(name)) {
      throw new PropertyNotWritableException("Cannot set bean " + name);
    }
  }

  @Override
  public boolean isReadOnly(ELContext context, Object base, Object property) {
    if (base == null && property instanceof String name && beans.contains(name)) {
      context.setPropertyResolved(true);
      return true;
    }
    return false;
  }

  @Override
  public Iterator<FeatureDescriptor> getFeatureDescriptors(ELContext context, Object base) {
    return null;
  }

  @Override
  public Class<?> getCommonPropertyType(ELContext context, Object base) {
    return Object.class;
  }
}
