package nl.zorgpad.api;

import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.hasItems;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.anyString;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.when;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.time.LocalDateTime;
import java.util.List;
import nl.zorgpad.input.InputLimitsProperties;
import nl.zorgpad.pathway.Deadlines;
import nl.zorgpad.time.ZorgpadTime;
import org.camunda.bpm.engine.FormService;
import org.camunda.bpm.engine.RepositoryService;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.test.autoconfigure.web.servlet.WebMvcTest;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.ComponentScan;
import org.springframework.context.annotation.FilterType;
import org.springframework.http.MediaType;
import org.springframework.security.test.context.support.WithMockUser;
import org.springframework.test.context.bean.override.mockito.MockitoBean;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.ResultActions;

/**
 * POST /api/signals in a web slice: the controller's own checks and their answers (the ApiError
 * JSON with the Dutch messages) without the engine, the database or the rest of the
 * application. The engine's services are mocks that each test shows are never reached: a
 * refused signal starts nothing. Security here is Spring Boot's default (an authenticated user,
 * a CSRF token); Zorgpad's own security and the real engine are the ITs' (SignalApiIT).
 */
@WebMvcTest(
    controllers = SignalController.class,
    includeFilters =
        @ComponentScan.Filter(
            type = FilterType.REGEX,
            pattern = "nl\\.zorgpad\\.input\\.InputRules"))
@WithMockUser("demo-verloskundige")
class SignalControllerWebMvcTest {

  static final String USER = "demo-verloskundige";

  /** The input limits that every request body passes (RequestBodyLimits, InputLimitAdvice). */
  @TestConfiguration
  @EnableConfigurationProperties(InputLimitsProperties.class)
  static class InputLimits {}

  @Autowired MockMvc mvc;
  @MockitoBean EngineCaller engine;
  @MockitoBean FormService formService;
  @MockitoBean RepositoryService repositoryService;
  @MockitoBean Deadlines deadlines;

  @BeforeEach
  void setUp() {
    when(deadlines.now()).thenReturn(LocalDateTime.of(2026, 3, 2, 9, 0).atZone(ZorgpadTime.ZONE));
    when(engine.groupsOf(USER)).thenReturn(List.of("verloskundige", "verloskundige-utrecht"));
    when(engine.coalitionsOf(USER)).thenReturn(List.of());
  }

  @Test
  void everyBrokenFieldIsNamedWithItsDutchMessage() throws Exception {
    signal(
            """
        {"clientReference": "Jansen, Maria", "dueDate": "20-07-2026", "gestationalAgeWeeks": 50,
         "riskDomains": [], "signallingDiscipline": "verloskundige"}""")
        .andExpect(status().isBadRequest())
        .andExpect(jsonPath("$.code").value("invalid-input"))
        .andExpect(
            jsonPath("$.errors[*].field")
                .value(
                    hasItems("clientReference", "dueDate", "gestationalAgeWeeks", "riskDomains")))
        .andExpect(jsonPath("$.userMessage").value(containsString("Gebruik geen naam")));
    verify(engine, never()).as(anyString(), any());
  }

  @Test
  void anEmptyBodyIsRefusedFieldByFieldNotWithA500() throws Exception {
    signal("{}")
        .andExpect(status().isBadRequest())
        .andExpect(
            jsonPath("$.errors[*].field")
                .value(hasItems("clientReference", "dueDate", "signallingDiscipline")));
    verify(engine, never()).as(anyString(), any());
  }

  @Test
  void aDisciplineThatIsNotTheCallersIs403() throws Exception {
    signal(valid("jgz"))
        .andExpect(status().isForbidden())
        .andExpect(jsonPath("$.code").value("not-your-discipline"))
        .andExpect(jsonPath("$.userMessage").value(containsString("verloskundige")));
    verify(engine, never()).as(anyString(), any());
  }

  @Test
  void aUserWithoutASignallingDisciplineIs403() throws Exception {
    when(engine.groupsOf(USER)).thenReturn(List.of("coordinator"));
    signal(valid("verloskundige"))
        .andExpect(status().isForbidden())
        .andExpect(jsonPath("$.code").value("no-discipline"));
    verify(engine, never()).as(anyString(), any());
  }

  @Test
  void aMemberOfTwoCoalitionsIs409() throws Exception {
    when(engine.coalitionsOf(USER)).thenReturn(List.of("dordrecht", "zeist"));
    signal(valid("verloskundige"))
        .andExpect(status().isConflict())
        .andExpect(jsonPath("$.code").value("coalition-ambiguous"));
    verify(engine, never()).as(anyString(), any());
  }

  private ResultActions signal(String json) throws Exception {
    return mvc.perform(
        post("/api/signals")
            .with(csrf())
            .contentType(MediaType.APPLICATION_JSON)
            .accept(MediaType.APPLICATION_JSON)
            .content(json));
  }

  private static String valid(String discipline) {
    return """
        {"clientReference": "VP-2026-0042", "dueDate": "2026-07-20", "gestationalAgeWeeks": 20,
         "riskDomains": ["huisvesting"], "signallingDiscipline": "%s"}"""
        .formatted(discipline);
  }
}
