// Exact numbers in workbooks written by libxlsxwriter. Version 1.1.4 writes
// every number with "%.16G", and 16 significant digits do not always read
// back as the same double (56.333333333333336 is written 56.33333333333334).
// SPEC §5 wants values stored unrounded, so the writer notes the cells whose
// text would not read back exactly, and once the workbook is written their
// <v> is replaced with the shortest text that does.
#pragma once

#include <filesystem>
#include <map>
#include <string>

namespace exemplar::xlsx {

// True when "%.16G" of the value reads back as the same double.
bool written_exactly(double value);

// Per worksheet part ("xl/worksheets/sheet2.xml"): cell reference ("E7") → the exact value's text.
using ExactNumbers = std::map<std::string, std::map<std::string, std::string>>;

// Rewrites the noted cells' values inside the written file. Throws Refused
// when the file cannot be read or written back.
void restore_exact_numbers(const std::filesystem::path& file, const ExactNumbers& numbers);

}  // namespace exemplar::xlsx
