// Which cell styles of a workbook show numbers as dates or times, from the
// number formats of xl/styles.xml: the built-in date and time formats
// (ids 14–22, 45–47, and the East Asian 27–36 and 50–58) and custom formats
// with d, m, y, h or s outside quoted text, escapes and [brackets].
//
//   std::vector<bool> dates = read_date_styles(open_part(zip, "xl/styles.xml"));
//   bool is_date = style < dates.size() && dates[style];
#pragma once

#include <string_view>
#include <vector>

#include "core/zip_archive.h"

namespace exemplar {

// Whether a number format shows a date or time. `code` is the custom format
// code, or empty for a built-in format.
bool is_date_format(unsigned id, std::string_view code);

// One flag per cell style (cellXfs, by index). Throws ArchiveProblem for
// malformed XML or a DOCTYPE.
std::vector<bool> read_date_styles(ZipEntry styles);

}  // namespace exemplar
