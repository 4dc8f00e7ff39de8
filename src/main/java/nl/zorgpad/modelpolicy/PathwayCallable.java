package nl.zorgpad.modelpolicy;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * A public method of a {@link PathwayBean} that an expression in a pathway model may call, e.g.
 * {@code ${deadlines.inWorkingDays(2)}} or {@code ${caseClosing.close(execution, 'CLOSED')}}.
 * A method name is callable only when every public method of that name on the bean's class is
 * marked, so an unmarked overload cannot be reached by passing other arguments. A marked getter
 * ({@code getX()}/{@code isX()}) may also be read as a property ({@code ${bean.x}}).
 */
@Documented
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.METHOD)
public @interface PathwayCallable {}
