package nl.zorgpad.audit;

import java.util.List;
import nl.zorgpad.accesslog.AccessAction;
import nl.zorgpad.accesslog.AccessEvent;
import nl.zorgpad.accesslog.AccessLog;
import nl.zorgpad.accesslog.AccessOutcome;
import nl.zorgpad.accesslog.Actor;
import nl.zorgpad.security.LoginThrottle;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Login throttling goes into the access log (issue 10): when an address starts to wait and when
 * it is blocked, one record each, with the address, the user name tried (as object id; it is not
 * who acted: the one who tried is unknown, {@value #ANONYMOUS}) and the user names tried from
 * that address. Never a password. A refused attempt itself writes nothing, so hammering cannot
 * turn into writes; the record is written in its own transaction, as a refusal is.
 */
@Component
class LoginThrottleAuditTrail {

  static final String ANONYMOUS = "anonymous";
  static final String OBJECT_TYPE = "Login";
  static final String PURPOSE = "security";

  private final AccessLog accessLog;
  private final TransactionTemplate transactions;

  LoginThrottleAuditTrail(AccessLog accessLog, PlatformTransactionManager transactionManager) {
    this.accessLog = accessLog;
    this.transactions = new TransactionTemplate(transactionManager);
    this.transactions.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
  }

  @EventListener
  void throttled(LoginThrottle.Event event) {
    String detail =
        (event.change() == LoginThrottle.Change.BLOCKED
                ? "login blocked for this address"
                : "login throttled for this address")
            + " after "
            + event.attempts()
            + " failed or refused attempts; next attempt in "
            + event.retryAfter().toSeconds()
            + " s; user names tried: "
            + String.join(", ", event.userNames());
    String objectId =
        event.userName().length() > 100 ? event.userName().substring(0, 100) : event.userName();
    Actor stranger =
        new Actor(
            ANONYMOUS,
            ANONYMOUS,
            List.of(),
            event.address().length() > 64 ? event.address().substring(0, 64) : event.address());
    transactions.executeWithoutResult(
        status ->
            accessLog.record(
                new AccessEvent(
                    null,
                    null,
                    OBJECT_TYPE,
                    objectId,
                    AccessAction.LOGIN,
                    AccessOutcome.DENIED,
                    PURPOSE,
                    null,
                    false,
                    detail.length() > 1000 ? detail.substring(0, 1000) : detail),
                stranger));
  }
}
