package nl.zorgpad;

import static com.tngtech.archunit.base.DescribedPredicate.not;
import static com.tngtech.archunit.core.domain.JavaClass.Predicates.resideInAPackage;
import static com.tngtech.archunit.core.domain.JavaClass.Predicates.resideInAnyPackage;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.GeneralCodingRules.NO_CLASSES_SHOULD_USE_FIELD_INJECTION;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import com.tngtech.archunit.base.DescribedPredicate;
import com.tngtech.archunit.core.domain.JavaCall;
import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.RestController;

/**
 * The package rules of docs/architecture.md and ADR 0001, checked on the main classes on every
 * {@code ./mvnw test}: no cycles between Zorgpad's packages; the shared packages depend on no
 * feature; the engine API only in the engine rooms (plus an explicit, shrinking list of classes
 * elsewhere); engine internals only in the classes ADR 0001 lists with their reason; controllers
 * package-private; constructor injection; one clock and one zone; no ObjectMapper of its own.
 *
 * <p>A class added to one of the lists below needs a line in ADR 0001 saying why.
 */
class ArchitectureTest {

  /** What several features need; they depend on none of them (STYLE.md). */
  static final String[] SHARED = {
    "nl.zorgpad.accesslog..",
    "nl.zorgpad.csv..",
    "nl.zorgpad.discipline..",
    "nl.zorgpad.postcode..",
    "nl.zorgpad.refusal..",
    "nl.zorgpad.input..",
    "nl.zorgpad.startup..",
    "nl.zorgpad.time.."
  };

  /**
   * The engine rooms: packages whose work is the engine — the pathways' glue (delegates,
   * listeners, variable names), the coalitions as engine tenants, the model policy and the
   * workbench that deploys models, the engine services' form-contract guard, the engine REST
   * doors and the Tasklist plugin.
   */
  static final String[] ENGINE_ROOMS = {
    "nl.zorgpad.pathway..",
    "nl.zorgpad.coalition..",
    "nl.zorgpad.modelpolicy..",
    "nl.zorgpad.modeling..",
    "nl.zorgpad.formcontract..",
    "nl.zorgpad.rest..",
    "nl.zorgpad.tasklist.."
  };

  /**
   * Outside the rooms, the classes that still use the engine API, each an adapter or an engine
   * plugin of its feature (ADR 0001, "Engine API outside the rooms"). This list only shrinks:
   * move engine use behind a small interface (as {@code access.OpenTasks}) instead of adding.
   */
  static final Set<String> ENGINE_API_OUTSIDE_ROOMS =
      Set.of(
          "nl.zorgpad.access.EngineOpenTasks",
          "nl.zorgpad.api.ApiExceptionHandler",
          "nl.zorgpad.api.CaseMessageController",
          "nl.zorgpad.api.EngineCaller",
          "nl.zorgpad.api.SignalController",
          "nl.zorgpad.assignment.EngineTeamGroups",
          "nl.zorgpad.assignment.TaskReassignment",
          "nl.zorgpad.assignment.TeamAssignment",
          "nl.zorgpad.assignment.TeamAssignmentPlugin",
          "nl.zorgpad.audit.ActorDisciplines",
          "nl.zorgpad.audit.AuditTrailHistoryEventHandler",
          "nl.zorgpad.audit.AuditTrailPlugin",
          "nl.zorgpad.audit.DossierOnlyHistoryFilter",
          "nl.zorgpad.audit.EngineHistoryWithoutDetails",
          "nl.zorgpad.audit.RetentionPlugin",
          "nl.zorgpad.caseview.CaseMerge",
          "nl.zorgpad.caseview.CaseNames",
          "nl.zorgpad.demo.DemoCaseData",
          "nl.zorgpad.demo.DemoCases",
          "nl.zorgpad.demo.DemoData",
          "nl.zorgpad.demo.DemoMonitorCases",
          "nl.zorgpad.demo.DemoUsers",
          "nl.zorgpad.intake.DossierOnlyFieldsListener",
          "nl.zorgpad.intake.NewSignalListener",
          "nl.zorgpad.intake.SignalIntakePlugin",
          "nl.zorgpad.intake.SignalJoinedOpenCase",
          "nl.zorgpad.intake.SignalJoiner",
          "nl.zorgpad.intake.SignalMatchInterceptor",
          "nl.zorgpad.metrics.EngineMetricsPlugin",
          "nl.zorgpad.monitor.EngineMonitorHistory",
          "nl.zorgpad.monitor.MonitorHistoryEventHandler",
          "nl.zorgpad.monitor.MonitorPlugin",
          "nl.zorgpad.monitor.MonitorScope",
          "nl.zorgpad.notification.NotificationEnginePlugin",
          "nl.zorgpad.notification.NotificationSettingsController",
          "nl.zorgpad.notification.OverdueCheck",
          "nl.zorgpad.notification.Recipients",
          "nl.zorgpad.notification.TaskArrival",
          "nl.zorgpad.security.AuthorizationInitializer",
          "nl.zorgpad.security.EngineSecurityPlugin",
          "nl.zorgpad.security.EngineUserAuthenticationProvider",
          "nl.zorgpad.security.EngineVersionFilter",
          "nl.zorgpad.security.IdentityInitializer",
          "nl.zorgpad.security.NoLockDbIdentityServiceProvider",
          "nl.zorgpad.security.PasswordChangeThrottleFilter",
          "nl.zorgpad.security.SecurityConfig",
          "nl.zorgpad.security.SpringSecurityEngineAuthentication",
          "nl.zorgpad.security.ZorgpadAuthorizationProvider",
          "nl.zorgpad.socialmap.SocialMapDemoData",
          "nl.zorgpad.startup.StartupLockOrder",
          "nl.zorgpad.system.PageRefusals",
          "nl.zorgpad.system.RoleHome");

  /**
   * The classes that use engine internals ({@code org.camunda.bpm.engine.impl..}), each for a
   * reason ADR 0001 gives ("Engine internals"): mostly the plugin and parse-listener SPI, which
   * Camunda 7 keeps in {@code impl} packages.
   */
  static final Set<String> ENGINE_INTERNALS =
      Set.of(
          "nl.zorgpad.api.ApiExceptionHandler",
          "nl.zorgpad.api.CaseMessageController",
          "nl.zorgpad.assignment.TaskReassignment",
          "nl.zorgpad.assignment.TeamAssignmentPlugin",
          "nl.zorgpad.audit.AuditTrailHistoryEventHandler",
          "nl.zorgpad.audit.AuditTrailPlugin",
          "nl.zorgpad.audit.DossierOnlyHistoryFilter",
          "nl.zorgpad.audit.EngineHistoryWithoutDetails",
          "nl.zorgpad.audit.RetentionPlugin",
          "nl.zorgpad.caseview.CaseMerge",
          "nl.zorgpad.coalition.AmbiguousCoalitionException",
          "nl.zorgpad.coalition.CoalitionDefinitionTenant",
          "nl.zorgpad.coalition.CoalitionDeploymentCheck",
          "nl.zorgpad.coalition.CoalitionDossierGuard",
          "nl.zorgpad.coalition.CoalitionEnginePlugin",
          "nl.zorgpad.coalition.CoalitionForms",
          "nl.zorgpad.coalition.CoalitionMembership",
          "nl.zorgpad.coalition.CoalitionParseListener",
          "nl.zorgpad.coalition.CoalitionTenantIdProvider",
          "nl.zorgpad.coalition.OwnVariantExistsException",
          "nl.zorgpad.demo.DemoCaseData",
          "nl.zorgpad.demo.DemoCases",
          "nl.zorgpad.demo.DemoMonitorCases",
          "nl.zorgpad.formcontract.FormContractEnginePlugin",
          "nl.zorgpad.formcontract.FormContractGuard",
          "nl.zorgpad.formcontract.FormContracts",
          "nl.zorgpad.formcontract.GuardedRuntimeService",
          "nl.zorgpad.formcontract.GuardedTaskService",
          "nl.zorgpad.intake.SignalIntakePlugin",
          "nl.zorgpad.intake.SignalJoinedOpenCase",
          "nl.zorgpad.intake.SignalJoiner",
          "nl.zorgpad.intake.SignalMatchInterceptor",
          "nl.zorgpad.metrics.EngineMetricsPlugin",
          "nl.zorgpad.modeling.EngineModelCheck",
          "nl.zorgpad.modelpolicy.DeployedModelReport",
          "nl.zorgpad.modelpolicy.ModelPolicyDeployer",
          "nl.zorgpad.modelpolicy.ModelPolicyHealthIndicator",
          "nl.zorgpad.modelpolicy.ModelPolicyParseListener",
          "nl.zorgpad.modelpolicy.ModelPolicyPlugin",
          "nl.zorgpad.modelpolicy.NoScriptEngineResolver",
          "nl.zorgpad.modelpolicy.PolicyExpressionManager",
          "nl.zorgpad.monitor.EngineMonitorHistory",
          "nl.zorgpad.monitor.MonitorHistoryEventHandler",
          "nl.zorgpad.monitor.MonitorPlugin",
          "nl.zorgpad.notification.NotificationEnginePlugin",
          "nl.zorgpad.pathway.Actors",
          "nl.zorgpad.pathway.CaseRegistrationListener",
          "nl.zorgpad.pathway.EngineClock",
          "nl.zorgpad.pathway.DossierTaskPlugin",
          "nl.zorgpad.pathway.MeldcodeStartRequest",
          "nl.zorgpad.pathway.PathwayValidation",
          "nl.zorgpad.pathway.RefusalFollowUpChecks",
          "nl.zorgpad.pathway.UserTeams",
          "nl.zorgpad.rest.EngineRefusals",
          "nl.zorgpad.rest.AuthorizationCheckPlugin",
          "nl.zorgpad.rest.CandidateLinkExists",
          "nl.zorgpad.rest.CandidateLinkExistsPlugin",
          "nl.zorgpad.rest.AuthorizationSetsPlugin",
          "nl.zorgpad.rest.BusinessKeySubqueryPlugin",
          "nl.zorgpad.pathway.LiteralFeelEnginePlugin",
          "nl.zorgpad.rest.GroupsAsGivenAuthorizationManager",
          "nl.zorgpad.rest.GroupsAsGivenAuthorizationManager$Factory",
          "nl.zorgpad.rest.QuietRefusalsEnginePlugin",
          "nl.zorgpad.rest.RefusalMappers",
          "nl.zorgpad.security.EngineSecurityPlugin",
          "nl.zorgpad.security.EngineVersionFilter",
          "nl.zorgpad.security.NoLockDbIdentityServiceProvider",
          "nl.zorgpad.security.ZorgpadAuthorizationProvider");

  /**
   * The one zone and the one clock (docs/architecture.md, {@code time}): only these classes read
   * the system clock or name a zone; everything else gets "now" from the {@link java.time.Clock}
   * bean ({@code pathway.EngineClock}) and the zone from {@code ZorgpadTime.ZONE}.
   */
  static final Set<String> SYSTEM_TIME =
      Set.of(
          // the one zone
          "nl.zorgpad.time.ZorgpadTime",
          // the one clock (the engine's, which tests move)
          "nl.zorgpad.pathway.EngineClock",
          // a cache's age, not business time: on the engine clock, a test that moves it back would
          // keep stale team names for as long
          "nl.zorgpad.audit.ActorDisciplines");

  static JavaClasses zorgpad;

  @BeforeAll
  static void importMainClasses() {
    zorgpad =
        new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            .importPackages("nl.zorgpad");
  }

  @Test
  void noCyclesBetweenPackages() {
    slices()
        .matching("nl.zorgpad.(*)..")
        .namingSlices("$1")
        .should()
        .beFreeOfCycles()
        .check(zorgpad);
  }

  @Test
  void sharedPackagesDependOnNoFeature() {
    noClasses()
        .that()
        .resideInAnyPackage(SHARED)
        .should()
        .dependOnClassesThat(resideInAPackage("nl.zorgpad..").and(not(resideInAnyPackage(SHARED))))
        .because("what several features need depends on none of them (no cycles, STYLE.md)")
        .check(zorgpad);
  }

  @Test
  void engineApiOnlyInTheEngineRooms() {
    noClasses()
        .that()
        .resideOutsideOfPackages(ENGINE_ROOMS)
        .and(
            not(
                listedIn(
                    ENGINE_API_OUTSIDE_ROOMS, "the engine adapters listed in ArchitectureTest")))
        .should()
        .dependOnClassesThat()
        .resideInAPackage("org.camunda..")
        .because(
            "engine imports stay in few packages, so that an engine move (Operaton) is"
                + " mechanical (ADR 0001)")
        .check(zorgpad);
  }

  @Test
  void engineInternalsOnlyInTheDocumentedClasses() {
    noClasses()
        .that(not(listedIn(ENGINE_INTERNALS, "the classes ADR 0001 lists")))
        .should()
        .dependOnClassesThat()
        .resideInAPackage("org.camunda.bpm.engine.impl..")
        .because("engine internals change without notice; each use is documented in ADR 0001")
        .check(zorgpad);
  }

  /** The lists name only classes that exist, so that a removed or moved class leaves them. */
  @Test
  void theListsNameExistingClasses() {
    Set<String> all = zorgpad.stream().map(JavaClass::getName).collect(Collectors.toSet());
    Set<String> unknown = new TreeSet<>();
    ENGINE_API_OUTSIDE_ROOMS.stream().filter(n -> !all.contains(n)).forEach(unknown::add);
    ENGINE_INTERNALS.stream().filter(n -> !all.contains(n)).forEach(unknown::add);
    SYSTEM_TIME.stream().filter(n -> !all.contains(n)).forEach(unknown::add);
    org.assertj.core.api.Assertions.assertThat(unknown).isEmpty();
  }

  @Test
  void controllersArePackagePrivate() {
    classes()
        .that()
        .areAnnotatedWith(Controller.class)
        .or()
        .areAnnotatedWith(RestController.class)
        .should()
        .bePackagePrivate()
        .check(zorgpad);
  }

  @Test
  void constructorInjectionOnly() {
    NO_CLASSES_SHOULD_USE_FIELD_INJECTION.check(zorgpad);
  }

  @Test
  void oneClockAndOneZone() {
    noClasses()
        .that(not(listedIn(SYSTEM_TIME, "the classes ArchitectureTest.SYSTEM_TIME lists")))
        .should()
        .callCodeUnitWhere(
            DescribedPredicate.describe(
                "a java.time now() without a Clock, Clock.system*() or ZoneId.of()",
                ArchitectureTest::readsSystemTimeOrNamesAZone))
        .because(
            "\"now\" comes from the Clock bean (pathway.EngineClock, which tests move with"
                + " the engine) and the zone is ZorgpadTime.ZONE")
        .check(zorgpad);
  }

  /**
   * Main code uses Spring's {@code ObjectMapper} bean, handed down to what the engine builds
   * (engine plugins, listeners): no exception.
   */
  @Test
  void noOwnObjectMapper() {
    noClasses()
        .should()
        .callConstructor(com.fasterxml.jackson.databind.ObjectMapper.class)
        .because("main code uses Spring's ObjectMapper bean, configured once")
        .check(zorgpad);
  }

  private static boolean readsSystemTimeOrNamesAZone(JavaCall<?> call) {
    String owner = call.getTargetOwner().getName();
    String name = call.getName();
    List<String> parameters =
        call.getTarget().getRawParameterTypes().stream().map(JavaClass::getName).toList();
    if (owner.startsWith("java.time.") && "now".equals(name)) {
      return !parameters.equals(List.of("java.time.Clock"));
    }
    if ("java.time.Clock".equals(owner)) {
      return name.startsWith("system");
    }
    return "java.time.ZoneId".equals(owner) && "of".equals(name);
  }

  /** The listed classes and the classes nested in them. */
  private static DescribedPredicate<JavaClass> listedIn(Set<String> names, String description) {
    return DescribedPredicate.describe(
        description,
        javaClass -> {
          JavaClass outer = javaClass;
          while (outer.getEnclosingClass().isPresent()) {
            outer = outer.getEnclosingClass().get();
          }
          return names.contains(outer.getName());
        });
  }
}
