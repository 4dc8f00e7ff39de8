package nl.zorgpad.audit;

import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.boot.SpringApplication;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.stereotype.Component;

/**
 * {@code java -jar zorgpad.jar --zorgpad.verify-audit-chain}: verifies every hash chain, prints
 * "intact" or the first broken record per chain and exits (0 intact, 2 broken). Stop the running
 * application first when it uses the embedded H2 file (one process per file).
 */
@Component
class VerifyChainCommand implements ApplicationRunner {

  static final String OPTION = "zorgpad.verify-audit-chain";
  private static final Logger LOG = LoggerFactory.getLogger(VerifyChainCommand.class);

  private final ChainVerificationService verification;
  private final ConfigurableApplicationContext context;

  VerifyChainCommand(
      ChainVerificationService verification, ConfigurableApplicationContext context) {
    this.verification = verification;
    this.context = context;
  }

  @Override
  public void run(ApplicationArguments args) {
    if (!args.containsOption(OPTION)) {
      return;
    }
    List<ChainVerification> results = verification.verifyWithoutAuthorization();
    results.forEach(
        result -> {
          System.out.println(result.summary());
          LOG.info("hash chain verification: {}", result.summary());
        });
    int code = results.stream().allMatch(ChainVerification::intact) ? 0 : 2;
    System.exit(SpringApplication.exit(context, () -> code));
  }
}
