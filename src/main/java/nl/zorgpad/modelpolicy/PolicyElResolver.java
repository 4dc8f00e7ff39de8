package nl.zorgpad.modelpolicy;

import java.beans.FeatureDescriptor;
import java.util.Iterator;
import org.camunda.bpm.impl.juel.jakarta.el.ELContext;
import org.camunda.bpm.impl.juel.jakarta.el.ELResolver;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The engine's expression resolver behind a gate (defence in depth, decision 0006): every
 * method call and every property read on an object goes through {@link InvocationRules} before
 * the engine's own resolvers see it. {@code ''.getClass()}, {@code x.class},
 * {@code execution.getProcessEngineServices()} or a method of a bean that is not marked are
 * refused here, however the expression got into the database. Identifiers (variables,
 * {@code execution}, allowed beans) resolve as before; nothing is written through a property.
 */
final class PolicyElResolver extends ELResolver {

  private static final Logger LOG = LoggerFactory.getLogger(PolicyElResolver.class);

  private final ELResolver delegate;

  PolicyElResolver(ELResolver delegate) {
    this.delegate = delegate;
  }

  @Override
  public Object getValue(ELContext context, Object base, Object property) {
    guardProperty(base, property);
    return delegate.getValue(context, base, property);
  }

  @Override
  public Class<?> getType(ELContext context, Object base, Object property) {
    guardProperty(base, property);
    return delegate.getType(context, base, property);
  }

  @Override
  public void setValue(ELContext context, Object base, Object property, Object value) {
    if (base != null) {
      throw refuse("write of property " + property + " on " + typeOf(base));
    }
    delegate.setValue(context, null, property, value);
  }

  @Override
  public boolean isReadOnly(ELContext context, Object base, Object property) {
    return base != null || delegate.isReadOnly(context, null, property);
  }

  @Override
  public Object invoke(
      ELContext context, Object base, Object method, Class<?>[] paramTypes, Object[] params) {
    String name = method == null ? null : method.toString();
    int arity = params == null ? 0 : params.length;
    if (!InvocationRules.allowsInvoke(base, name, arity)) {
      throw refuse("call of " + name + " on " + typeOf(base));
    }
    return delegate.invoke(context, base, method, paramTypes, params);
  }

  @Override
  public Iterator<FeatureDescriptor> getFeatureDescriptors(ELContext context, Object base) {
    return null;
  }

  @Override
  public Class<?> getCommonPropertyType(ELContext context, Object base) {
    return delegate.getCommonPropertyType(context, base);
  }

  @Override
  public Object convertToType(ELContext context, Object obj, Class<?> targetType) {
    return delegate.convertToType(context, obj, targetType);
  }

  private static void guardProperty(Object base, Object property) {
    if (!InvocationRules.allowsProperty(base, property)) {
      throw refuse("read of property " + property + " on " + typeOf(base));
    }
  }

  private static BlockedByPolicyException refuse(String what) {
    String english = "Model policy: " + what + " refused at run time";
    LOG.warn("{} (an expression outside the allow-list, see docs/model-policy.md)", english);
    return BlockedByPolicyException.expression(english);
  }

  private static String typeOf(Object base) {
    return base == null ? "nothing" : base.getClass().getName();
  }
}
