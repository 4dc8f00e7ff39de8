package nl.zorgpad.caseview;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

/**
 * The case list's paging over the newest candidates only (issue 13): up to 1,000 cases are
 * counted exactly, beyond that "more than 1,000"; a page reads one candidate more than it needs.
 */
class CaseListPagingTest {

  private static List<String> cases(int count) {
    // newest first, as the candidate query answers
    return IntStream.range(0, count)
        .mapToObj(i -> String.format("ZP-2026-%05d", count - i))
        .toList();
  }

  @Test
  void aPageReadsOneMoreThanItNeedsAndAtLeastWhatIsCountedExactly() {
    assertThat(CaseOverviewService.limitFor(1)).isEqualTo(1001);
    assertThat(CaseOverviewService.limitFor(0)).isEqualTo(1001);
    assertThat(CaseOverviewService.limitFor(40)).isEqualTo(1001);
    assertThat(CaseOverviewService.limitFor(41)).isEqualTo(1026);
    assertThat(CaseOverviewService.limitFor(Integer.MAX_VALUE))
        .isEqualTo(CaseOverviewService.MAX_PAGE * CaseOverviewService.PAGE_SIZE + 1);
  }

  @Test
  void upToAThousandCasesAreCountedExactly() {
    List<String> all = cases(1000);
    CaseOverviewService.Slice first = CaseOverviewService.slice(all, 1, 1001);
    assertThat(first.exact()).isTrue();
    assertThat(first.total()).isEqualTo(1000);
    assertThat(first.pages()).isEqualTo(40);
    assertThat(first.numbers()).hasSize(25).first().isEqualTo("ZP-2026-01000");
    CaseOverviewService.Slice last = CaseOverviewService.slice(all, 40, 1001);
    assertThat(last.numbers()).hasSize(25).last().isEqualTo("ZP-2026-00001");
    assertThat(new CaseOverviewService.CasePage(List.of(), 40, 40, 1000, true).hasNext()).isFalse();
  }

  @Test
  void moreThanAThousandSaysMoreAndOffersTheNextPage() {
    List<String> read = cases(5000).subList(0, 1001);
    CaseOverviewService.Slice first = CaseOverviewService.slice(read, 1, 1001);
    assertThat(first.exact()).isFalse();
    assertThat(first.total()).isEqualTo(1000);
    assertThat(first.pages()).isEqualTo(40);
    assertThat(new CaseOverviewService.CasePage(List.of(), 40, 40, 1000, false).hasNext()).isTrue();
    // page 41 reads 1,026 and shows cases 1,001 to 1,025
    List<String> further = cases(5000).subList(0, CaseOverviewService.limitFor(41));
    CaseOverviewService.Slice page41 =
        CaseOverviewService.slice(further, 41, CaseOverviewService.limitFor(41));
    assertThat(page41.page()).isEqualTo(41);
    assertThat(page41.numbers()).hasSize(25).first().isEqualTo(cases(5000).get(1000));
    assertThat(page41.exact()).isFalse();
  }

  @Test
  void theFurthestPageOffersNoNextPage() {
    int last = CaseOverviewService.MAX_PAGE;
    List<String> read = cases(CaseOverviewService.limitFor(last));
    CaseOverviewService.Slice slice =
        CaseOverviewService.slice(read, last + 1, CaseOverviewService.limitFor(last + 1));
    assertThat(slice.page()).isEqualTo(last);
    assertThat(slice.exact()).isFalse();
    assertThat(
            new CaseOverviewService.CasePage(List.of(), last, last, slice.total(), false).hasNext())
        .isFalse();
  }

  @Test
  void aPageAfterTheLastAnswersTheLastPage() {
    List<String> all = cases(30);
    CaseOverviewService.Slice slice =
        CaseOverviewService.slice(all, 999, CaseOverviewService.limitFor(999));
    assertThat(slice.page()).isEqualTo(2);
    assertThat(slice.numbers()).hasSize(5).last().isEqualTo("ZP-2026-00001");
    assertThat(CaseOverviewService.slice(List.of(), 3, 1001).page()).isEqualTo(1);
  }
}
