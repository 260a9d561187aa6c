package dev.switchboard.accengage;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.MappingIterator;
import com.fasterxml.jackson.dataformat.csv.CsvMapper;
import com.fasterxml.jackson.dataformat.csv.CsvParser;
import com.fasterxml.jackson.dataformat.csv.CsvSchema;
import dev.switchboard.error.ProviderCallException;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;

/**
 * The device export's CSV (provider-apis.md §3.4: {@code ;}-separated, a header row): one JSON
 * object per row, keyed by the header. Quoted fields may hold separators, quotes ({@code ""}) and
 * line breaks (RFC 4180, with {@code ;} for the comma); a short row's missing columns are null, a
 * long row's extra fields are dropped, blank lines are skipped.
 */
final class Csv {
  private static final CsvMapper MAPPER =
      CsvMapper.builder()
          .enable(CsvParser.Feature.INSERT_NULLS_FOR_MISSING_COLUMNS)
          .enable(CsvParser.Feature.IGNORE_TRAILING_UNMAPPABLE)
          .enable(CsvParser.Feature.SKIP_EMPTY_LINES)
          .build();

  private Csv() {}

  static List<JsonNode> records(String text, char separator) {
    if (text.isBlank()) {
      return List.of(); // an empty page: not even a header
    }
    CsvSchema schema = CsvSchema.emptySchema().withHeader().withColumnSeparator(separator);
    try (MappingIterator<JsonNode> rows =
        MAPPER.readerFor(JsonNode.class).with(schema).readValues(text)) {
      return new ArrayList<>(rows.readAll());
    } catch (IOException | RuntimeException e) {
      throw ProviderCallException.badResponse(
          "accengage", "devices.export", "the answer is not readable CSV", false);
    }
  }
}
