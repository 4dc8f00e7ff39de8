package nl.zorgpad.socialmap;

import jakarta.servlet.http.HttpServletResponse;
import jakarta.validation.constraints.Size;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import nl.zorgpad.input.TextLimits;
import nl.zorgpad.security.ZorgpadGroups;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;

/** The sociale kaart for everyone who is logged in: search, and the CSV export. */
@Controller
@RequestMapping("/sociale-kaart")
class SocialMapController {

  private final SocialMapSearch search;
  private final SocialMapService socialMap;
  private final SocialMapCsv csv;

  SocialMapController(SocialMapSearch search, SocialMapService socialMap, SocialMapCsv csv) {
    this.search = search;
    this.socialMap = socialMap;
    this.csv = csv;
  }

  @GetMapping
  String search(
      @RequestParam(name = "zoek", required = false) @Size(max = TextLimits.SEARCH) String text,
      @RequestParam(name = "discipline", required = false) @Size(max = TextLimits.CODE)
          String discipline,
      @RequestParam(name = "wijk", required = false) @Size(max = TextLimits.CODE)
          String neighbourhood,
      @RequestParam(name = "postcode", required = false) @Size(max = TextLimits.SHORT)
          String postcode,
      Model model,
      HttpServletResponse response) {
    model.addAttribute("zoek", text);
    model.addAttribute("discipline", discipline);
    model.addAttribute("wijk", neighbourhood);
    model.addAttribute("postcode", postcode);
    model.addAttribute("disciplines", disciplines());
    model.addAttribute("neighbourhoods", socialMap.allNeighbourhoods());
    String error = null;
    if (!SocialMapSearch.isBlank(discipline) && !ZorgpadGroups.isDiscipline(discipline)) {
      error = "socialmap.search.unknownDiscipline";
    } else if (!SocialMapSearch.isBlank(neighbourhood)
        && socialMap.allNeighbourhoods().stream()
            .noneMatch(n -> n.getCode().equals(neighbourhood.strip()))) {
      error = "socialmap.search.unknownNeighbourhood";
    }
    if (error != null) {
      response.setStatus(HttpServletResponse.SC_BAD_REQUEST);
      model.addAttribute("searchError", error);
      return "socialmap/search";
    }
    SocialMapSearch.Result result =
        search.search(new SocialMapSearch.Criteria(text, discipline, neighbourhood, postcode));
    if (result.postcode() != null
        && result.postcode().status() == PostcodeResolution.Status.MALFORMED) {
      response.setStatus(HttpServletResponse.SC_BAD_REQUEST);
    }
    model.addAttribute("result", result);
    return "socialmap/search";
  }

  @GetMapping("/export.csv")
  ResponseEntity<byte[]> export() {
    return ResponseEntity.ok()
        .contentType(new MediaType("text", "csv", StandardCharsets.UTF_8))
        .header(
            HttpHeaders.CONTENT_DISPOSITION,
            ContentDisposition.attachment().filename("sociale-kaart.csv").build().toString())
        .body(csv.export().getBytes(StandardCharsets.UTF_8));
  }

  /** Discipline id → Dutch name, in the order users know them. */
  static Map<String, String> disciplines() {
    Map<String, String> disciplines = new LinkedHashMap<>();
    ZorgpadGroups.DISCIPLINES.forEach(id -> disciplines.put(id, ZorgpadGroups.displayName(id)));
    return disciplines;
  }
}
