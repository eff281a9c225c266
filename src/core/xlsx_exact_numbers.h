// Exact numbers in workbooks written by libxlsxwriter. Version 1.1.4 writes
// every number with "%.16G", and 16 significant digits do not always read
// back as the same double (56.333333333333336 is written 56.33333333333334).
// SPEC §5 wants values stored unrounded, so a number whose "%.16G" text would
// not read back exactly is written with the shortest text that does: by
// CellTable directly, and for the cells libxlsxwriter wrote, by patching
// their <v> when the package is finished (xlsx_finish.h).
#pragma once

#include <map>
#include <string>
#include <string_view>

namespace exemplar::xlsx {

// True when "%.16G" of the value reads back as the same double.
bool written_exactly(double value);

// The value text of a number cell: libxlsxwriter's "%.16G" where it reads
// back exactly (so untouched cells stay byte for byte what libxlsxwriter
// writes), else the shortest text that does. Writes at most 32 characters
// to `out` and returns the end.
char* number_text(char* out, double value);

// Per worksheet part ("xl/worksheets/sheet2.xml"): cell reference ("E7") → the exact value's text.
using ExactNumbers = std::map<std::string, std::map<std::string, std::string>>;

// A worksheet's XML as libxlsxwriter wrote it, with the values of the noted
// number cells (<c r="E7" s="3"><v>…</v></c>) replaced.
std::string patch_exact_numbers(std::string_view xml, const std::map<std::string, std::string>& values);

}  // namespace exemplar::xlsx
