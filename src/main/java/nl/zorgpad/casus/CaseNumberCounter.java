package nl.zorgpad.casus;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/**
 * The one row that hands out case numbers. Its row lock serialises case creation across the
 * nodes of a cluster; the migration creates the row, so there is no race on the first case of a
 * year.
 */
@Entity
@Table(name = "zp_case_number_counter")
class CaseNumberCounter {

  static final String CASE_FILES = "case-file";

  @Id
  @Column(name = "counter_id", length = 20)
  private String id;

  @Column(name = "counter_year", nullable = false)
  private int year;

  @Column(name = "last_number", nullable = false)
  private int lastNumber;

  protected CaseNumberCounter() {
    // for JPA
  }

  /** The next case number of the given year; the sequence restarts in a new year. */
  String next(int currentYear) {
    if (currentYear != year) {
      year = currentYear;
      lastNumber = 0;
    }
    lastNumber++;
    return CaseNumbers.format(year, lastNumber);
  }
}
