package zorgpadbench;

import java.io.IOException;
import nl.zorgpad.ZorgpadApplication;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.context.TypeExcludeFilter;
import org.springframework.core.type.classreading.MetadataReader;
import org.springframework.core.type.classreading.MetadataReaderFactory;

/**
 * Zorgpad as the benchmark runs it in a child JVM: the real application ({@link
 * ZorgpadApplication}, its configuration, security, audit, Tasklist, REST and pages) plus {@link
 * BenchEndpoints} (data generator and table statistics under {@code /api/benchmark}), which only
 * exists here, never in the production application.
 *
 * <p>The child runs from the test classpath: Zorgpad's component scan of {@code nl.zorgpad} would
 * then also find test classes (the stock app, test configurations). {@link TestClassExclusion}
 * leaves every class of {@code target/test-classes} out of the scan, as spring-boot-test does
 * with its own exclude filter.
 */
public final class ZorgpadBenchMain {

  private ZorgpadBenchMain() {}

  public static void main(String[] args) {
    SpringApplication application =
        new SpringApplication(ZorgpadApplication.class, ZorgpadBenchConfig.class);
    application.addInitializers(
        context ->
            context
                .getBeanFactory()
                .registerSingleton("benchmarkTestClassExclusion", new TestClassExclusion()));
    application.run(args);
  }

  /** Leaves classes compiled from src/test/java out of Zorgpad's component scan. */
  static final class TestClassExclusion extends TypeExcludeFilter {
    @Override
    public boolean match(MetadataReader reader, MetadataReaderFactory factory) throws IOException {
      String location = reader.getResource().getURI().toString();
      return location.contains("/test-classes/");
    }

    @Override
    public boolean equals(Object other) {
      return other instanceof TestClassExclusion;
    }

    @Override
    public int hashCode() {
      return TestClassExclusion.class.hashCode();
    }
  }
}
