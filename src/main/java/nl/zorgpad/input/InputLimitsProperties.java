package nl.zorgpad.input;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.util.unit.DataSize;

/**
 * Size limits of input to Zorgpad's own pages and API ({@code zorgpad.input-limits.*}).
 *
 * @param maxTextLength the longest text in any request parameter, form field or JSON string that
 *     has no {@code @Size} of its own (default 2000 characters)
 * @param maxBody the largest request body of a page or Zorgpad's API (default 64 KB)
 * @param maxModelBody the largest body of the workbench's API, which carries the models
 *     (default 10 MB)
 * @param maxUploadBody the largest upload (sociale kaart CSV import; default 2 MB)
 */
@ConfigurationProperties(prefix = "zorgpad.input-limits")
public record InputLimitsProperties(
    Integer maxTextLength, DataSize maxBody, DataSize maxModelBody, DataSize maxUploadBody) {

  public InputLimitsProperties {
    maxTextLength = maxTextLength == null || maxTextLength < 1 ? 2000 : maxTextLength;
    maxBody = positive(maxBody, DataSize.ofKilobytes(64));
    maxModelBody = positive(maxModelBody, DataSize.ofMegabytes(10));
    maxUploadBody = positive(maxUploadBody, DataSize.ofMegabytes(2));
  }

  private static DataSize positive(DataSize value, DataSize fallback) {
    return value == null || value.toBytes() <= 0 ? fallback : value;
  }
}
