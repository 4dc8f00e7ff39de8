package nl.zorgpad.socialmap;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import nl.zorgpad.csv.CsvReader;
import nl.zorgpad.csv.CsvWriter;
import org.springframework.context.MessageSource;
import org.springframework.context.MessageSourceResolvable;
import org.springframework.context.support.DefaultMessageSourceResolvable;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.validation.BeanPropertyBindingResult;
import org.springframework.validation.FieldError;
import org.springframework.validation.ObjectError;

/**
 * Export and import of the whole sociale kaart as one CSV file (layout in docs/socialmap.md).
 *
 * <p>Import is all-or-nothing: every row goes through the same checks as the edit pages
 * ({@link SocialMapService}) inside one transaction; when any row has an error the transaction is
 * rolled back and every error is reported with its line number, column and a Dutch message.
 * Rows are matched on their key (wijk: code, organisatie: naam, team: code, contact: team + naam)
 * and then created or updated; nothing is deleted. Rows may refer to rows elsewhere in the file:
 * they are applied kind by kind (wijk, organisatie, team, contact).
 */
@Service
public class SocialMapCsv {

  static final String KIND = "soort";
  static final String CODE = "code";
  static final String NAME = "naam";
  static final String ORGANISATION = "organisatie";
  static final String ORGANISATION_TYPE = "organisatietype";
  static final String DISCIPLINE = "discipline";
  static final String NEIGHBOURHOODS = "wijken";
  static final String TEAM = "team";
  static final String ROLE = "rol";
  static final String PHONE = "telefoon";
  static final String SECURE_MAIL = "beveiligde_email";
  static final String MUNICIPALITY = "gemeente";
  static final String COALITION = "coalitie";
  static final String POSTCODES = "postcodes";

  /** The columns, in the order of the export. */
  public static final List<String> COLUMNS =
      List.of(
          KIND,
          CODE,
          NAME,
          ORGANISATION,
          ORGANISATION_TYPE,
          DISCIPLINE,
          NEIGHBOURHOODS,
          TEAM,
          ROLE,
          PHONE,
          SECURE_MAIL,
          MUNICIPALITY,
          COALITION,
          POSTCODES);

  static final String KIND_NEIGHBOURHOOD = "wijk";
  static final String KIND_ORGANISATION = "organisatie";
  static final String KIND_TEAM = "team";
  static final String KIND_CONTACT = "contact";
  private static final List<String> KINDS =
      List.of(KIND_NEIGHBOURHOOD, KIND_ORGANISATION, KIND_TEAM, KIND_CONTACT);

  static final int MAX_ROWS = 5000;
  private static final Locale DUTCH = Locale.forLanguageTag("nl-NL");

  private final SocialMapService service;
  private final NeighbourhoodRepository neighbourhoods;
  private final OrganisationRepository organisations;
  private final TeamRepository teams;
  private final ContactRepository contacts;
  private final MessageSource messages;

  SocialMapCsv(
      SocialMapService service,
      NeighbourhoodRepository neighbourhoods,
      OrganisationRepository organisations,
      TeamRepository teams,
      ContactRepository contacts,
      MessageSource messages) {
    this.service = service;
    this.neighbourhoods = neighbourhoods;
    this.organisations = organisations;
    this.teams = teams;
    this.contacts = contacts;
    this.messages = messages;
  }

  /** A problem in the file: line number (the header is line 1), column (may be empty), Dutch. */
  public record ImportError(int row, String column, String message) {}

  /** Rows read per kind (a flash attribute: serializable, the session is in the database). */
  public record ImportSummary(int neighbourhoods, int organisations, int teams, int contacts)
      implements java.io.Serializable {}

  /** The file was refused; nothing was changed. */
  public static class ImportRejectedException extends RuntimeException {

    private final transient List<ImportError> errors;

    ImportRejectedException(List<ImportError> errors) {
      super(errors.size() + " errors in CSV import");
      this.errors = List.copyOf(errors);
    }

    public List<ImportError> errors() {
      return errors;
    }
  }

  // --- export ---

  /** The whole sociale kaart, with byte-order mark so that spreadsheet programs read UTF-8. */
  @Transactional(readOnly = true)
  public String export() {
    // commas quoted too: the import also reads comma-separated files
    CsvWriter out = CsvWriter.withByteOrderMark().quoteCommas().row(COLUMNS);
    for (Neighbourhood n : neighbourhoods.findAllByOrderByMunicipalityAscNameAsc()) {
      row(
          out,
          Map.of(
              KIND,
              KIND_NEIGHBOURHOOD,
              CODE,
              n.getCode(),
              NAME,
              n.getName(),
              MUNICIPALITY,
              n.getMunicipality(),
              COALITION,
              n.getCoalition(),
              POSTCODES,
              Postcodes.formatRanges(n.getPostcodeRanges())));
    }
    for (Organisation o : organisations.findAllByOrderByNameAsc()) {
      Map<String, String> cells =
          new HashMap<>(
              Map.of(
                  KIND,
                  KIND_ORGANISATION,
                  NAME,
                  o.getName(),
                  ORGANISATION_TYPE,
                  o.getType().code(),
                  COALITION,
                  o.getCoalition()));
      cells.put(PHONE, o.getPhone());
      row(out, cells);
    }
    List<Team> all = new ArrayList<>(teams.findAll());
    all.sort(
        Comparator.comparing((Team t) -> t.getOrganisation().getName())
            .thenComparing(Team::getName)
            .thenComparing(Team::getGroupId));
    for (Team t : all) {
      row(
          out,
          Map.of(
              KIND,
              KIND_TEAM,
              CODE,
              t.getGroupId(),
              NAME,
              t.getName(),
              ORGANISATION,
              t.getOrganisation().getName(),
              DISCIPLINE,
              t.getDiscipline(),
              NEIGHBOURHOODS,
              t.getNeighbourhoods().stream()
                  .map(Neighbourhood::getCode)
                  .collect(Collectors.joining(" "))));
    }
    for (Team t : all) {
      for (Contact c : t.getContacts()) {
        Map<String, String> cells =
            new HashMap<>(
                Map.of(
                    KIND,
                    KIND_CONTACT,
                    TEAM,
                    t.getGroupId(),
                    NAME,
                    c.getName(),
                    ROLE,
                    c.getRole()));
        cells.put(PHONE, c.getPhone());
        cells.put(SECURE_MAIL, c.getSecureMail());
        row(out, cells);
      }
    }
    return out.toString();
  }

  private static void row(CsvWriter out, Map<String, String> cells) {
    out.row(COLUMNS.stream().map(column -> cells.getOrDefault(column, "")).toList());
  }

  // --- import ---

  /**
   * Reads a whole file and applies it, or nothing.
   *
   * @throws ImportRejectedException with every error found; the transaction is rolled back
   */
  @Transactional
  public ImportSummary importCsv(byte[] content) {
    Import run = new Import();
    List<CsvReader.Row> rows;
    try {
      rows = CsvReader.read(content);
    } catch (CsvReader.MalformedCsvException e) {
      throw new ImportRejectedException(
          List.of(new ImportError(e.line(), "", text("socialmap.csv.malformed"))));
    }
    rows = rows.stream().filter(row -> !row.isBlank()).toList();
    if (rows.isEmpty()) {
      throw new ImportRejectedException(
          List.of(new ImportError(1, "", text("socialmap.csv.noHeader"))));
    }
    Map<String, Integer> header = run.header(rows.get(0));
    if (!run.errors.isEmpty()) {
      throw new ImportRejectedException(run.errors);
    }
    List<CsvReader.Row> data = rows.subList(1, rows.size());
    if (data.isEmpty()) {
      throw new ImportRejectedException(
          List.of(new ImportError(rows.get(0).line(), "", text("socialmap.csv.noRows"))));
    }
    if (data.size() > MAX_ROWS) {
      throw new ImportRejectedException(
          List.of(
              new ImportError(
                  data.get(MAX_ROWS).line(), "", text("socialmap.csv.tooManyRows", MAX_ROWS))));
    }
    Map<String, List<Line>> byKind = new HashMap<>();
    for (CsvReader.Row row : data) {
      Line line = run.line(row, header);
      if (line == null) {
        continue;
      }
      String kind = line.get(KIND).toLowerCase(Locale.ROOT);
      if (!KINDS.contains(kind)) {
        run.error(line, KIND, text("socialmap.csv.unknownKind", line.get(KIND)));
        continue;
      }
      byKind.computeIfAbsent(kind, k -> new ArrayList<>()).add(line);
    }
    int[] counts = new int[KINDS.size()];
    for (Line line : byKind.getOrDefault(KIND_NEIGHBOURHOOD, List.of())) {
      counts[0] += run.neighbourhood(line) ? 1 : 0;
    }
    for (Line line : byKind.getOrDefault(KIND_ORGANISATION, List.of())) {
      counts[1] += run.organisation(line) ? 1 : 0;
    }
    for (Line line : byKind.getOrDefault(KIND_TEAM, List.of())) {
      counts[2] += run.team(line) ? 1 : 0;
    }
    for (Line line : byKind.getOrDefault(KIND_CONTACT, List.of())) {
      counts[3] += run.contact(line) ? 1 : 0;
    }
    if (!run.errors.isEmpty()) {
      List<ImportError> sorted = new ArrayList<>(run.errors);
      sorted.sort(Comparator.comparingInt(ImportError::row));
      throw new ImportRejectedException(sorted);
    }
    return new ImportSummary(counts[0], counts[1], counts[2], counts[3]);
  }

  /** One data row, cells by column name (blank cells are empty strings). */
  private record Line(int number, Map<String, String> cells) {

    String get(String column) {
      return cells.getOrDefault(column, "");
    }

    String orNull(String column) {
      String value = get(column);
      return value.isBlank() ? null : value.strip();
    }
  }

  /** The state of one import: errors so far and the keys seen per kind. */
  private final class Import {

    private final List<ImportError> errors = new ArrayList<>();
    private final Map<String, Integer> seen = new HashMap<>();

    Map<String, Integer> header(CsvReader.Row row) {
      Map<String, Integer> header = new HashMap<>();
      for (int i = 0; i < row.cells().size(); i++) {
        String name =
            row.cells()
                .get(i)
                .strip()
                .toLowerCase(Locale.ROOT)
                .replace(' ', '_')
                .replace('-', '_')
                .replace("e_mail", "email");
        if (name.isEmpty()) {
          continue;
        }
        if (!COLUMNS.contains(name)) {
          errors.add(
              new ImportError(
                  row.line(),
                  row.cells().get(i).strip(),
                  text("socialmap.csv.unknownColumn", String.join(";", COLUMNS))));
        } else if (header.containsKey(name)) {
          errors.add(new ImportError(row.line(), name, text("socialmap.csv.duplicateColumn")));
        } else {
          header.put(name, i);
        }
      }
      for (String column : COLUMNS) {
        if (!header.containsKey(column)
            && errors.stream().noneMatch(e -> e.column().equals(column))) {
          errors.add(new ImportError(row.line(), column, text("socialmap.csv.missingColumn")));
        }
      }
      return header;
    }

    Line line(CsvReader.Row row, Map<String, Integer> header) {
      List<String> cells = row.cells();
      for (int i = header.size(); i < cells.size(); i++) {
        if (!cells.get(i).isBlank()) {
          errors.add(
              new ImportError(
                  row.line(), "", text("socialmap.csv.tooManyCells", cells.size(), header.size())));
          return null;
        }
      }
      Map<String, String> byName = new HashMap<>();
      header.forEach(
          (name, index) -> byName.put(name, index < cells.size() ? cells.get(index).strip() : ""));
      return new Line(row.line(), byName);
    }

    void error(Line line, String column, String message) {
      errors.add(new ImportError(line.number(), column, message));
    }

    /** False (and an error) when the same key was on an earlier row. */
    private boolean firstTime(Line line, String kind, String key, String column) {
      Integer earlier = seen.putIfAbsent(kind + ":" + key.toLowerCase(Locale.ROOT), line.number());
      if (earlier != null) {
        error(line, column, text("socialmap.csv.duplicateRow", earlier));
        return false;
      }
      return true;
    }

    boolean neighbourhood(Line line) {
      NeighbourhoodForm form =
          new NeighbourhoodForm(
              line.orNull(CODE),
              line.orNull(NAME),
              line.orNull(MUNICIPALITY),
              line.orNull(COALITION),
              line.orNull(POSTCODES));
      if (form.getCode() != null && !firstTime(line, KIND_NEIGHBOURHOOD, form.getCode(), CODE)) {
        return false;
      }
      Long id =
          Optional.ofNullable(form.getCode())
              .flatMap(neighbourhoods::findByCode)
              .map(Neighbourhood::getId)
              .orElse(null);
      BeanPropertyBindingResult result = new BeanPropertyBindingResult(form, "neighbourhoodForm");
      service.saveNeighbourhood(id, form, result);
      return report(
          line,
          result,
          Map.of(
              "code",
              CODE,
              "name",
              NAME,
              "municipality",
              MUNICIPALITY,
              "coalition",
              COALITION,
              "postcodes",
              POSTCODES),
          Set.of());
    }

    boolean organisation(Line line) {
      Set<String> reported = new HashSet<>();
      OrganisationType type = null;
      String typeCode = line.orNull(ORGANISATION_TYPE);
      if (typeCode != null) {
        type = OrganisationType.fromCode(typeCode).orElse(null);
        if (type == null) {
          error(
              line,
              ORGANISATION_TYPE,
              text(
                  "socialmap.csv.unknownOrganisationType",
                  typeCode,
                  Arrays.stream(OrganisationType.values())
                      .map(OrganisationType::code)
                      .collect(Collectors.joining(", "))));
          reported.add(ORGANISATION_TYPE);
        }
      }
      OrganisationForm form =
          new OrganisationForm(line.orNull(NAME), type, line.orNull(COALITION), line.orNull(PHONE));
      if (form.getName() != null && !firstTime(line, KIND_ORGANISATION, form.getName(), NAME)) {
        return false;
      }
      Long id =
          Optional.ofNullable(form.getName())
              .flatMap(organisations::findByNameIgnoreCase)
              .map(Organisation::getId)
              .orElse(null);
      BeanPropertyBindingResult result = new BeanPropertyBindingResult(form, "organisationForm");
      service.saveOrganisation(id, form, result);
      return report(
              line,
              result,
              Map.of(
                  "name", NAME, "type", ORGANISATION_TYPE, "coalition", COALITION, "phone", PHONE),
              reported)
          && reported.isEmpty();
    }

    boolean team(Line line) {
      Set<String> reported = new HashSet<>();
      Long organisationId = null;
      String organisationName = line.orNull(ORGANISATION);
      if (organisationName == null) {
        error(line, ORGANISATION, text("socialmap.error.required"));
        reported.add(ORGANISATION);
      } else {
        organisationId =
            organisations
                .findByNameIgnoreCase(organisationName)
                .map(Organisation::getId)
                .orElse(null);
        if (organisationId == null) {
          error(line, ORGANISATION, text("socialmap.csv.unknownOrganisation", organisationName));
          reported.add(ORGANISATION);
        }
      }
      List<Long> served = new ArrayList<>();
      for (String code :
          new LinkedHashSet<>(Arrays.asList(line.get(NEIGHBOURHOODS).strip().split("[\\s,;]+")))) {
        if (code.isEmpty()) {
          continue;
        }
        Optional<Neighbourhood> neighbourhood = neighbourhoods.findByCode(code);
        if (neighbourhood.isEmpty()) {
          error(line, NEIGHBOURHOODS, text("socialmap.csv.unknownNeighbourhood", code));
          reported.add(NEIGHBOURHOODS);
        } else {
          served.add(neighbourhood.get().getId());
        }
      }
      TeamForm form =
          new TeamForm(
              line.orNull(CODE),
              line.orNull(NAME),
              organisationId,
              line.orNull(DISCIPLINE),
              served);
      if (form.getGroupId() != null && !firstTime(line, KIND_TEAM, form.getGroupId(), CODE)) {
        return false;
      }
      Long id =
          Optional.ofNullable(form.getGroupId())
              .flatMap(teams::findByGroupId)
              .map(Team::getId)
              .orElse(null);
      BeanPropertyBindingResult result = new BeanPropertyBindingResult(form, "teamForm");
      if (reported.isEmpty()) {
        service.saveTeam(id, form, result);
      } else {
        // still report what else is wrong with the row, but never save half a team
        service.validateOnly(form, result);
      }
      return report(
              line,
              result,
              Map.of(
                  "groupId",
                  CODE,
                  "name",
                  NAME,
                  "organisationId",
                  ORGANISATION,
                  "discipline",
                  DISCIPLINE,
                  "neighbourhoodIds",
                  NEIGHBOURHOODS),
              reported)
          && reported.isEmpty();
    }

    boolean contact(Line line) {
      String teamCode = line.orNull(TEAM);
      Team team = null;
      if (teamCode == null) {
        error(line, TEAM, text("socialmap.error.required"));
      } else {
        team = teams.findByGroupId(teamCode).orElse(null);
        if (team == null) {
          error(line, TEAM, text("socialmap.csv.unknownTeam", teamCode));
        }
      }
      ContactForm form =
          new ContactForm(
              line.orNull(NAME), line.orNull(ROLE), line.orNull(PHONE), line.orNull(SECURE_MAIL));
      Map<String, String> columns =
          Map.of("name", NAME, "role", ROLE, "phone", PHONE, "secureMail", SECURE_MAIL);
      BeanPropertyBindingResult result = new BeanPropertyBindingResult(form, "contactForm");
      if (team == null) {
        service.validateOnly(form, result);
        report(line, result, columns, Set.of());
        return false;
      }
      if (form.getName() != null
          && !firstTime(line, KIND_CONTACT, teamCode + "/" + form.getName(), NAME)) {
        return false;
      }
      Long id =
          form.getName() == null
              ? null
              : contacts
                  .findByTeamAndNameIgnoreCase(team, form.getName())
                  .map(Contact::getId)
                  .orElse(null);
      service.saveContact(team.getId(), id, form, result);
      return report(line, result, columns, Set.of());
    }

    /** Adds the row's errors (field → column); true when there were none. */
    private boolean report(
        Line line,
        BeanPropertyBindingResult result,
        Map<String, String> columns,
        Set<String> alreadyReported) {
      for (ObjectError error : result.getAllErrors()) {
        String column =
            error instanceof FieldError field ? columns.getOrDefault(field.getField(), "") : "";
        if (alreadyReported.contains(column)) {
          continue;
        }
        error(line, column, messages.getMessage(error, DUTCH));
      }
      return !result.hasErrors();
    }
  }

  private String text(String code, Object... arguments) {
    MessageSourceResolvable resolvable =
        new DefaultMessageSourceResolvable(new String[] {code}, arguments);
    return messages.getMessage(resolvable, DUTCH);
  }
}
