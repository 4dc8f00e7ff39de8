package nl.zorgpad.modelpolicy;

import org.camunda.bpm.engine.impl.el.JuelExpressionManager;
import org.camunda.bpm.engine.impl.el.VariableContextElResolver;
import org.camunda.bpm.engine.impl.el.VariableScopeElResolver;
import org.camunda.bpm.impl.juel.jakarta.el.ArrayELResolver;
import org.camunda.bpm.impl.juel.jakarta.el.BeanELResolver;
import org.camunda.bpm.impl.juel.jakarta.el.CompositeELResolver;
import org.camunda.bpm.impl.juel.jakarta.el.ELResolver;
import org.camunda.bpm.impl.juel.jakarta.el.ListELResolver;
import org.camunda.bpm.impl.juel.jakarta.el.MapELResolver;

/**
 * The engine's expression manager with Zorgpad's allow-list (decision 0006), replacing
 * Camunda's {@code SpringExpressionManager} (which resolves every bean of the application
 * context) and the plain engine's {@code JuelExpressionManager} (every entry of the beans map):
 * variables, {@code execution}/{@code task} and the {@link PathwayBean}s resolve; every call and
 * property read on an object passes {@link PolicyElResolver}. Also the resolver of DMN's JUEL
 * (the engine hands its expression manager to the DMN engine), and of stored task queries
 * ({@code ${currentUser()}} stays: functions are the engine's own).
 */
public class PolicyExpressionManager extends JuelExpressionManager {

  private final PathwayBeans beans;

  public PolicyExpressionManager(PathwayBeans beans) {
    super(null);
    this.beans = beans;
  }

  @Override
  protected ELResolver createElResolver() {
    CompositeELResolver resolver = new CompositeELResolver();
    resolver.add(new VariableScopeElResolver());
    resolver.add(new VariableContextElResolver());
    resolver.add(new PathwayBeanElResolver(beans));
    resolver.add(new ArrayELResolver(true));
    resolver.add(new ListELResolver(true));
    resolver.add(new MapELResolver(true));
    resolver.add(new BeanELResolver(true));
    return new PolicyElResolver(resolver);
  }
}
