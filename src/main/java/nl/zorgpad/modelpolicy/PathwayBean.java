package nl.zorgpad.modelpolicy;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * A bean that a pathway model may name: {@code camunda:delegateExpression="${consentCheck}"},
 * a listener, or {@code ${deadlines.inWorkingDays(2)}} (decision 0006, docs/model-policy.md).
 * The engine resolves no other bean in an expression, and a model naming another bean is refused
 * at deployment. Methods an expression may call are marked {@link PathwayCallable}; a delegate or
 * listener named as {@code ${bean}} needs no method marked (the engine calls its
 * {@code execute}/{@code notify}).
 *
 * <p>The name is the bean's name where the engine finds it: the Spring bean name
 * ({@code @Component("consentCheck")}) in the application, the key of the {@code beans} map in
 * the plain-engine tests ({@code camunda.cfg.xml}). The same class is then also accepted as
 * {@code camunda:class}.
 *
 * <p>Adding a bean to a pathway: annotate its class with {@code @PathwayBean} and each method the
 * model calls with {@code @PathwayCallable} (all overloads of that name); nothing else.
 */
@Documented
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.TYPE)
public @interface PathwayBean {}
