package nl.zorgpad.socialmap;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.tuple;
import static org.mockito.ArgumentMatchers.anyString;
import static org.mockito.ArgumentMatchers.eq;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.verify;

import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.function.Supplier;
import nl.zorgpad.socialmap.SocialMapCsv.ImportError;
import nl.zorgpad.socialmap.SocialMapCsv.ImportRejectedException;
import nl.zorgpad.socialmap.SocialMapCsv.ImportSummary;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.autoconfigure.context.MessageSourceAutoConfiguration;
import org.springframework.boot.autoconfigure.validation.ValidationAutoConfiguration;
import org.springframework.boot.test.autoconfigure.orm.jpa.DataJpaTest;
import org.springframework.context.annotation.Import;
import org.springframework.test.context.bean.override.mockito.MockitoBean;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * CSV import and export against the real schema. Not in a test transaction: the import's own
 * transaction must commit, or roll back as a whole.
 */
@DataJpaTest
@Transactional(propagation = Propagation.NOT_SUPPORTED)
@Import({
  SocialMapCsv.class,
  SocialMapService.class,
  ValidationAutoConfiguration.class,
  MessageSourceAutoConfiguration.class
})
class SocialMapCsvTest {

  static final String HEADER = String.join(";", SocialMapCsv.COLUMNS) + "\n";
  // soort;code;naam;organisatie;organisatietype;discipline;wijken;team;rol;telefoon;beveiligde_email;gemeente;coalitie;postcodes
  static final String GOOD =
      HEADER
          // a contact before its team, a team before its organisation: applied kind by kind
          + "contact;;Hanna Verbeek;;;;;jgz-utrecht-west;Jeugdverpleegkundige;06-12345601;hanna@veilig.demo.invalid;;;\n"
          + "team;jgz-utrecht-west;JGZ Utrecht West;JGZ Utrecht Stad;;jgz;utrecht-lombok;;;;;;;\n"
          + "organisatie;;JGZ Utrecht Stad;;ggd-jgz;;;;;0900-0000001;;;Kansrijke Start Utrecht;\n"
          + "wijk;utrecht-lombok;Lombok;;;;;;;;;Utrecht;Kansrijke Start Utrecht;3531-3532\n"
          + "wijk;utrecht-overvecht;Overvecht;;;;;;;;;Utrecht;Kansrijke Start Utrecht;\"3561-3563, 3564AA-3564KZ\"\n"
          + "team;verloskundige-utrecht;Verloskundigen Utrecht;Praktijk De Singel;;verloskundige;utrecht-lombok utrecht-overvecht;;;;;;;\n"
          + "organisatie;;Praktijk De Singel;;verloskundigenpraktijk;;;;;;;;Kansrijke Start Utrecht;\n"
          + "contact;;Ilse van Dam;;;;;verloskundige-utrecht;Verloskundige;;ilse@veilig.demo.invalid;;;\n";

  @Autowired SocialMapCsv csv;
  @Autowired NeighbourhoodRepository neighbourhoods;
  @Autowired OrganisationRepository organisations;
  @Autowired TeamRepository teams;
  @Autowired ContactRepository contacts;
  @Autowired PlatformTransactionManager transactionManager;
  @MockitoBean TeamGroups teamGroups;

  @AfterEach
  void emptyTheMap() {
    teams.deleteAll();
    organisations.deleteAll();
    neighbourhoods.deleteAll();
  }

  @Test
  void goodFileIsImportedWithItsReferences() {
    ImportSummary summary = csv.importCsv(GOOD.getBytes(StandardCharsets.UTF_8));

    assertThat(summary).isEqualTo(new ImportSummary(2, 2, 2, 2));
    inTransaction(
        () -> {
          Team jgz = teams.findByGroupId("jgz-utrecht-west").orElseThrow();
          assertThat(jgz.getOrganisation().getName()).isEqualTo("JGZ Utrecht Stad");
          assertThat(jgz.getNeighbourhoods())
              .extracting(Neighbourhood::getCode)
              .containsExactly("utrecht-lombok");
          assertThat(jgz.getContacts())
              .extracting(Contact::getName, Contact::getPhone)
              .containsExactly(tuple("Hanna Verbeek", "06-12345601"));
          Team midwives = teams.findByGroupId("verloskundige-utrecht").orElseThrow();
          assertThat(midwives.getNeighbourhoods()).hasSize(2);
          assertThat(
                  neighbourhoods
                      .findByCode("utrecht-overvecht")
                      .orElseThrow()
                      .getPostcodeRangesText())
              .isEqualTo("3561-3563, 3564AA-3564KZ");
          return null;
        });
    // every new team gets its Camunda group with the rights of its discipline
    verify(teamGroups).ensureGroup(eq("jgz-utrecht-west"), eq("jgz"), anyString());
    verify(teamGroups).ensureGroup(eq("verloskundige-utrecht"), eq("verloskundige"), anyString());
  }

  @Test
  void fileWithSeveralBadRowsIsRefusedAsAWholeAndEachRowIsReported() {
    csv.importCsv(GOOD.getBytes(StandardCharsets.UTF_8));
    String before = csv.export();

    String bad =
        HEADER
            /* 2 */ + "wijk;utrecht-zuilen;Zuilen;;;;;;;;;Utrecht;Kansrijke Start Utrecht;3551-3552\n"
            /* 3 */ + "wijk;utrecht-noord;Noord;;;;;;;;;Utrecht;Kansrijke Start Utrecht;3532-3533\n"
            /* 4 */ + "wijk;Utrecht Oost;Oost;;;;;;;;;Utrecht;Kansrijke Start Utrecht;35x1\n"
            /* 5 */ + "organisatie;;JGZ Utrecht Stad;;ggd;;;;;030-1234567;;;Kansrijke Start Utrecht;\n"
            /* 6 */ + "team;jgz-zuilen;JGZ Zuilen;Bestaat Niet BV;;jgz;utrecht-zuilen;;;;;;;\n"
            /* 7 */ + "team;zuilen-jgz;JGZ Zuilen 2;JGZ Utrecht Stad;;jgz;;;;;;;;\n"
            /* 8 */ + "contact;;Zonder Nummer;;;;;jgz-utrecht-west;Jeugdarts;;;;;\n"
            /* 9 */ + "contact;;Iemand;;;;;jgz-nergens;Jeugdarts;06-12345699;niet-een-mailadres;;;\n"
            /* 10 */ + "huisarts;;Dokter;;;;;;;;;;;\n"
            /* 11 */ + "organisatie;;Nieuwe Praktijk;;verloskundigenpraktijk;;;;;;;;;\n";

    assertThatThrownBy(() -> csv.importCsv(bad.getBytes(StandardCharsets.UTF_8)))
        .isInstanceOfSatisfying(
            ImportRejectedException.class,
            e -> {
              List<ImportError> errors = e.errors();
              assertThat(errors)
                  .extracting(ImportError::row, ImportError::column)
                  .contains(
                      tuple(3, "postcodes"),
                      tuple(4, "code"),
                      tuple(4, "postcodes"),
                      tuple(5, "organisatietype"),
                      tuple(6, "organisatie"),
                      tuple(7, "code"),
                      tuple(8, "telefoon"),
                      tuple(9, "team"),
                      tuple(9, "beveiligde_email"),
                      tuple(10, "soort"),
                      tuple(11, "coalitie"));
              // row 2 is fine by itself, but is not saved either
              assertThat(errors).extracting(ImportError::row).doesNotContain(2, 1);
              assertThat(errors).extracting(ImportError::row).isSorted();
              assertThat(message(errors, 3, "postcodes"))
                  .isEqualTo(
                      "Postcodereeks 3532-3533 overlapt met wijk Lombok (Utrecht)"
                          + " (utrecht-lombok). Een postcode hoort bij één wijk.");
              assertThat(message(errors, 4, "postcodes")).contains("\"35x1\" is geen geldige");
              assertThat(message(errors, 5, "organisatietype"))
                  .startsWith("Onbekend organisatietype \"ggd\"")
                  .contains("ggd-jgz");
              assertThat(message(errors, 6, "organisatie")).contains("Bestaat Niet BV");
              assertThat(message(errors, 7, "code")).contains("begint met de discipline: jgz-");
              assertThat(message(errors, 8, "telefoon"))
                  .isEqualTo("Vul een telefoonnummer of een beveiligd e-mailadres in.");
              assertThat(message(errors, 9, "beveiligde_email"))
                  .isEqualTo("Vul een geldig e-mailadres in.");
              assertThat(message(errors, 10, "soort")).contains("Onbekende soort \"huisarts\"");
              assertThat(message(errors, 11, "coalitie")).isEqualTo("Vul dit veld in.");
            });

    assertThat(csv.export()).isEqualTo(before);
    assertThat(neighbourhoods.findByCode("utrecht-zuilen")).isEmpty();
    assertThat(organisations.findByNameIgnoreCase("JGZ Utrecht Stad").orElseThrow().getPhone())
        .isEqualTo("0900-0000001");
    verify(teamGroups, never()).ensureGroup(eq("jgz-zuilen"), anyString(), anyString());
  }

  @Test
  void updatesAreRolledBackWhenALaterRowFails() {
    csv.importCsv(GOOD.getBytes(StandardCharsets.UTF_8));
    String bad =
        HEADER
            + "organisatie;;JGZ Utrecht Stad;;ggd-jgz;;;;;030-7654321;;;Kansrijke Start Utrecht;\n"
            + "contact;;Hanna Verbeek;;;;;jgz-utrecht-west;Jeugdverpleegkundige;nummer?;;;;\n";

    assertThatThrownBy(() -> csv.importCsv(bad.getBytes(StandardCharsets.UTF_8)))
        .isInstanceOfSatisfying(
            ImportRejectedException.class,
            e ->
                assertThat(e.errors())
                    .extracting(ImportError::row, ImportError::column)
                    .containsExactly(tuple(3, "telefoon")));

    assertThat(organisations.findByNameIgnoreCase("JGZ Utrecht Stad").orElseThrow().getPhone())
        .isEqualTo("0900-0000001");
  }

  @Test
  void exportReadsBackUnchanged() {
    csv.importCsv(GOOD.getBytes(StandardCharsets.UTF_8));
    String export = csv.export();

    ImportSummary again = csv.importCsv(export.getBytes(StandardCharsets.UTF_8));

    assertThat(again).isEqualTo(new ImportSummary(2, 2, 2, 2));
    assertThat(csv.export()).isEqualTo(export);
    assertThat(export)
        .startsWith("\ufeffsoort;code;naam;")
        .contains(
            "\r\nwijk;utrecht-overvecht;Overvecht;;;;;;;;;Utrecht;Kansrijke Start Utrecht;"
                + "\"3561-3563, 3564AA-3564KZ\"\r\n")
        .contains("contact;;Hanna Verbeek;;;;;jgz-utrecht-west;Jeugdverpleegkundige;06-12345601;");
  }

  @Test
  void headerMustNameEveryColumnOnce() {
    String wrong = "soort;code;naam;telefon;coalitie;coalitie\nwijk;x;y;;;\n";
    assertThatThrownBy(() -> csv.importCsv(wrong.getBytes(StandardCharsets.UTF_8)))
        .isInstanceOfSatisfying(
            ImportRejectedException.class,
            e -> {
              assertThat(e.errors()).extracting(ImportError::row).containsOnly(1);
              assertThat(e.errors())
                  .extracting(ImportError::column)
                  .contains("telefon", "coalitie", "organisatie", "postcodes");
              assertThat(message(e.errors(), 1, "telefon")).startsWith("Onbekende kolom.");
            });
  }

  @Test
  void emptyMalformedAndHeaderOnlyFilesAreRefused() {
    assertRefused("", "Het bestand is leeg. De eerste regel moet de kolomnamen bevatten.");
    assertRefused(HEADER, "Het bestand bevat alleen de kopregel, geen rijen om in te lezen.");
    assertRefused(
        HEADER + "wijk;\"utrecht-lombok;Lombok\n",
        "Dit is geen geldig CSV-bestand: een aanhalingsteken wordt niet (goed) afgesloten.");
    assertRefused(
        HEADER + "wijk;a;b;c;d;e;f;g;h;i;j;k;l;m;n;o\n",
        "Deze rij heeft 16 cellen, de kopregel maar 14.");
  }

  @Test
  void readsCommaSeparatedAndWindows1252Files() {
    String text =
        GOOD.replace(';', ',')
            .replace("\"3561-3563, 3564AA-3564KZ\"", "3561-3563")
            .replace("Hanna Verbeek", "Hanna Coördinator");
    csv.importCsv(text.getBytes(Charset.forName("windows-1252")));
    inTransaction(
        () ->
            assertThat(teams.findByGroupId("jgz-utrecht-west").orElseThrow().getContacts())
                .extracting(Contact::getName)
                .containsExactly("Hanna Coördinator"));
  }

  private void assertRefused(String content, String message) {
    assertThatThrownBy(() -> csv.importCsv(content.getBytes(StandardCharsets.UTF_8)))
        .isInstanceOfSatisfying(
            ImportRejectedException.class,
            e -> assertThat(e.errors()).extracting(ImportError::message).containsExactly(message));
  }

  private static String message(List<ImportError> errors, int row, String column) {
    return errors.stream()
        .filter(e -> e.row() == row && e.column().equals(column))
        .map(ImportError::message)
        .findFirst()
        .orElseThrow();
  }

  private <T> T inTransaction(Supplier<T> work) {
    return new TransactionTemplate(transactionManager).execute(status -> work.get());
  }
}
